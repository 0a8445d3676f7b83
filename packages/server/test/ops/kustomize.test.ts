import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { parseAllDocuments } from 'yaml';
import { MAX_IMPORT_BYTES } from '../../src/modules/imports/csv';
import { loadConfig } from '../../src/platform/config';

/**
 * deploy/k8s as a cluster would receive it: each overlay rendered by the real `kubectl kustomize` (any kustomize from
 * v2.0.3, Debian 12's kubectl 1.20, to v5; KUBECTL picks the binary), every object checked against the Kubernetes
 * OpenAPI schemas (kubernetes-models' validators, plus a check that no field is unknown to them, as `kubectl apply`'s
 * strict field validation would refuse), then the policies the manifests exist for: non-root, read-only root
 * filesystem, probes, resources, pinned images, selectors that select, a migration Job on the API's image, settings
 * the server itself accepts, and no secret in the rendered output.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const SECRET_NAME = 'crm-server-secrets';
/** Environment variables whose values are credentials: only ever from a Secret. */
const SENSITIVE = /^(DATABASE_URL|REDIS_URL|JWT_PRIVATE_KEY|ADMIN_PASSWORD|SMTP_URL|SMS_API_URL|SMS_ACCOUNT_SID|SMS_AUTH_TOKEN|SMS_INBOUND_SECRET)$|PASSWORD|SECRET|TOKEN|PRIVATE/;

type Obj = Record<string, any>;

/** Schema per apiVersion/kind: everything an overlay may render. Another kind fails the test until it is added here. */
const MODELS: Record<string, { prototype: { validate(): void } }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

function render(overlay: string): { text: string; objects: Obj[] } {
  let text: string;
  try {
    text = execFileSync(KUBECTL, ['kustomize', `deploy/k8s/overlays/${overlay}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    throw new Error(e.code === 'ENOENT' ? `${KUBECTL} not found: install kubectl (Debian: kubernetes-client) or set KUBECTL` : `kubectl kustomize ${overlay} failed: ${e.stderr ?? e.message}`);
  }
  const docs = parseAllDocuments(text);
  for (const d of docs) if (d.errors.length) throw new Error(`rendered YAML: ${d.errors[0]!.message}`);
  return { text, objects: docs.map((d) => d.toJS() as Obj).filter(Boolean) };
}

/**
 * Validates with the schema's compiled validator and returns the fields it never looked at: the validators read every
 * property their schema declares (and enumerate maps), so a key it did not touch is unknown to Kubernetes — a typo
 * such as `imagePullPolcy` or a field in the wrong place, which the schemas alone let through.
 */
function validateStrictly(obj: Obj): string[] {
  const model = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!model) throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}: add it to MODELS`);
  const seen = new WeakMap<object, Set<string>>();
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const keys = new Set<string>();
    seen.set(value, keys);
    return new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') keys.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === 'string') keys.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        for (const key of Reflect.ownKeys(target)) if (typeof key === 'string') keys.add(key);
        return Reflect.ownKeys(target);
      },
    });
  };
  try {
    model.prototype.validate.call(wrap(obj));
  } catch (err) {
    throw new Error(`${obj.kind} ${obj.metadata?.name}: ${(err as Error).message}`);
  }
  const unknown: string[] = [];
  const walk = (value: unknown, at: string) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}/${i}`));
    for (const [key, v] of Object.entries(value)) {
      if (!seen.get(value)?.has(key)) unknown.push(`${obj.kind} ${obj.metadata?.name}: ${at}/${key}`);
      else walk(v, `${at}/${key}`);
    }
  };
  walk(obj, '');
  return unknown;
}

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** `--max-old-space-size=N` from NODE_OPTIONS, in bytes. */
const oldSpaceBytes = (nodeOptions = '') => Number(/--max-old-space-size=(\d+)/.exec(nodeOptions)?.[1] ?? NaN) * 2 ** 20;

/** Bytes of a Kubernetes memory quantity (the forms these manifests use). */
function bytes(quantity: string | number): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(String(quantity));
  if (!m) throw new Error(`memory quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 }[m[2] as 'Ki'] ?? 1;
  return Number(m[1]) * unit;
}

describe.each(['dev', 'prod'])('deploy/k8s/overlays/%s', (overlay) => {
  let text: string;
  let objects: Obj[];
  const one = (kind: string) => {
    const found = objects.filter((o) => o.kind === kind);
    expect(found.map((o) => `${kind} ${o.metadata.name}`)).toHaveLength(1);
    return found[0]!;
  };
  let deployment: Obj;
  let job: Obj;
  let configMap: Obj;
  const pods = () => [deployment.spec.template, job.spec.template] as Obj[];
  const containers = (pod: Obj): Obj[] => [...(pod.spec.initContainers ?? []), ...pod.spec.containers];

  beforeAll(() => {
    ({ text, objects } = render(overlay));
    deployment = one('Deployment');
    job = one('Job');
    configMap = one('ConfigMap');
  });

  test('renders the whole topology, every object valid against the Kubernetes schemas, no unknown field', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Ingress', 'Job', 'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'Service', 'ServiceAccount'],
    );
    expect(objects.flatMap(validateStrictly)).toEqual([]);
    const namespace = one('Namespace').metadata.name;
    for (const o of objects.filter((x) => x.kind !== 'Namespace')) expect([o.kind, o.metadata.namespace]).toEqual([o.kind, namespace]);
    expect(one('Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('the schema check itself refuses a wrong type and an unknown field', () => {
    const bad = structuredClone(deployment);
    bad.spec.template.spec.containers[0].imagePullPolcy = 'Always';
    expect(validateStrictly(bad)).toEqual(['Deployment crm-server: /spec/template/spec/containers/0/imagePullPolcy']);
    bad.spec.replicas = 'two';
    expect(() => validateStrictly(bad)).toThrow('data/spec/replicas must be integer');
  });

  test('every pod: non-root, read-only root filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp, no API token', () => {
    for (const pod of pods()) {
      const spec = pod.spec;
      expect(spec.automountServiceAccountToken).toBe(false);
      expect(spec.hostNetwork ?? false).toBe(false);
      expect(one('ServiceAccount').metadata.name).toBe(spec.serviceAccountName);
      for (const c of containers(pod)) {
        const sc = { ...spec.securityContext, ...c.securityContext };
        expect([c.name, sc.runAsNonRoot, sc.runAsUser > 0]).toEqual([c.name, true, true]);
        expect(sc.runAsUser).toBe(1000); // the image's `node` user (packages/server/Dockerfile: USER node)
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(c.securityContext.privileged ?? false).toBe(false);
        expect(c.securityContext.capabilities.drop).toEqual(['ALL']);
        expect(c.securityContext.capabilities.add ?? []).toEqual([]);
        expect(sc.seccompProfile.type).toBe('RuntimeDefault');
        // The only writable places are emptyDirs: /tmp and DATA_DIR.
        const emptyDirs = new Set(spec.volumes.filter((v: Obj) => v.emptyDir).map((v: Obj) => v.name));
        const writable = c.volumeMounts.filter((m: Obj) => emptyDirs.has(m.name)).map((m: Obj) => m.mountPath);
        expect(writable.sort()).toEqual(['/tmp', configMap.data.DATA_DIR].sort());
      }
    }
  });

  test('every container: requests and limits, a heap below its memory limit, a pinned image (no latest), the API image on the migration Job', () => {
    const image = deployment.spec.template.spec.containers[0].image as string;
    for (const pod of pods()) {
      for (const c of containers(pod)) {
        for (const kind of ['requests', 'limits']) for (const r of ['cpu', 'memory']) expect([c.name, kind, r, c.resources?.[kind]?.[r]]).toEqual([c.name, kind, r, expect.anything()]);
        expect(bytes(c.resources.requests.memory)).toBeLessThanOrEqual(bytes(c.resources.limits.memory));
        const nodeOptions = c.env?.find((e: Obj) => e.name === 'NODE_OPTIONS')?.value ?? configMap.data.NODE_OPTIONS;
        expect(oldSpaceBytes(nodeOptions)).toBeLessThanOrEqual(0.8 * bytes(c.resources.limits.memory));
        expect(c.image).toBe(image);
        expect(c.imagePullPolicy).toBe('IfNotPresent');
      }
    }
    // A registry path with a tag or a digest, never `latest` (nor the base's placeholder, which has neither).
    const m = /^([a-z0-9.-]+(?::\d+)?\/[a-z0-9._/-]+?)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(image);
    expect(m).not.toBeNull();
    expect(m![2] ?? m![3]).toBeDefined();
    expect(m![2]).not.toBe('latest');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'packages/server/dist/migrate.js']);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
  });

  test('API probes: startup and readiness on /readyz, liveness on /healthz, on the port the server listens on', () => {
    const [c] = deployment.spec.template.spec.containers as Obj[];
    const port = (name: string) => c!.ports.find((p: Obj) => p.name === name)?.containerPort;
    expect(port('http')).toBe(Number(configMap.data.PORT));
    // Prometheus metrics on their own listener, on the pod address, where the scrape annotations say.
    expect(port('metrics')).toBe(Number(configMap.data.METRICS_PORT));
    expect(configMap.data.METRICS_HOST).toBe('0.0.0.0');
    expect(deployment.spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': configMap.data.METRICS_PORT,
      'prometheus.io/path': '/metrics',
    });
    expect([c!.startupProbe.httpGet, c!.readinessProbe.httpGet, c!.livenessProbe.httpGet]).toEqual([
      { path: '/readyz', port: 'http' },
      { path: '/readyz', port: 'http' },
      { path: '/healthz', port: 'http' },
    ]);
    // The readiness answer itself waits up to 2 s for the database (platform/http/health.ts).
    expect(c!.readinessProbe.timeoutSeconds).toBeGreaterThan(2);
    // Startup (migrations, the first seed) may take minutes without the liveness probe restarting the pod.
    expect(c!.startupProbe.periodSeconds * c!.startupProbe.failureThreshold).toBeGreaterThanOrEqual(120);
  });

  test('drain: preStop before SIGTERM, then SHUTDOWN_DELAY_MS and the drain, all within the grace period', () => {
    const spec = deployment.spec.template.spec;
    const preStop = spec.containers[0].lifecycle.preStop.exec.command as string[];
    expect(preStop[0]).toBe('node'); // the image's only guaranteed program
    const preStopMs = Number(/setTimeout\(\(\) => \{\}, (\d+)\)/.exec(preStop.join(' '))?.[1]);
    expect(preStopMs).toBeGreaterThanOrEqual(3_000);
    const { SHUTDOWN_DELAY_MS: delay, SHUTDOWN_TIMEOUT_MS: timeout } = configMap.data;
    expect(Number(delay)).toBeLessThan(Number(timeout));
    expect(spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(preStopMs + Number(timeout));
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(spec.topologySpreadConstraints.map((t: Obj) => t.topologyKey)).toContain('kubernetes.io/hostname');
    for (const t of spec.topologySpreadConstraints) expect(matches(t.labelSelector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
  });

  test('selectors: the Deployment, Service, PDB and HPA find the API pods, and only them; the NetworkPolicy covers the Job too', () => {
    const apiLabels = deployment.spec.template.metadata.labels;
    const jobLabels = job.spec.template.metadata.labels;
    expect(matches(deployment.spec.selector.matchLabels, apiLabels)).toBe(true);
    const service = one('Service');
    expect(matches(service.spec.selector, apiLabels)).toBe(true);
    expect(matches(service.spec.selector, jobLabels)).toBe(false);
    const portNames = deployment.spec.template.spec.containers[0].ports.map((p: Obj) => p.name);
    for (const p of service.spec.ports) expect(portNames).toContain(p.targetPort);
    expect(service.spec.ports.map((p: Obj) => p.targetPort)).toEqual(['http']); // /metrics never behind the Ingress
    const pdb = one('PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels, apiLabels)).toBe(true);
    expect(matches(pdb.spec.selector.matchLabels, jobLabels)).toBe(false);
    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.metrics.map((m: Obj) => m.resource.name).sort()).toEqual(['cpu', 'memory']);
    expect(deployment.spec.replicas).toBeUndefined(); // the HPA owns it
    // A PDB that lets one pod go, and never blocks a drain with a single replica.
    if (pdb.spec.minAvailable !== undefined) expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    else expect(pdb.spec.maxUnavailable).toBe(1);
    const np = one('NetworkPolicy');
    expect(matches(np.spec.podSelector.matchLabels, apiLabels) && matches(np.spec.podSelector.matchLabels, jobLabels)).toBe(true);
    expect(np.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    const egressPorts = np.spec.egress.flatMap((e: Obj) => e.ports.map((p: Obj) => `${p.protocol}/${p.port}`));
    expect(egressPorts).toEqual(expect.arrayContaining(['UDP/53', 'TCP/53', 'TCP/5432', 'TCP/6379', 'TCP/587', 'TCP/443']));
    // Clients through the ingress controller to the API port; Prometheus alone to the metrics port.
    const ingressFrom = np.spec.ingress.map((i: Obj) => [i.from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name'], i.ports.map((p: Obj) => p.port)]);
    expect(ingressFrom).toEqual([['ingress-nginx', ['http']], ['monitoring', ['metrics']]]);
  });

  const ingressNamed = (name: string) => {
    const found = objects.filter((o) => o.kind === 'Ingress' && o.metadata.name === name);
    expect(found.map((o) => o.metadata.name)).toEqual([name]);
    return found[0]!;
  };

  test('Ingress: TLS, nginx class, WebSocket-friendly timeouts and a body size above the server limit, to the Service port', () => {
    const ingress = ingressNamed('crm-server');
    const service = one('Service');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    const a = ingress.metadata.annotations;
    expect(Number(a['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(a['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(a['nginx.ingress.kubernetes.io/proxy-body-size']).toMatch(/^[2-9]m$/); // express.json({ limit: '1mb' })
    const [rule] = ingress.spec.rules as Obj[];
    expect(ingress.spec.tls[0].hosts).toEqual([rule!.host]);
    expect(ingress.spec.tls[0].secretName).toBeTruthy();
    expect(configMap.data.PUBLIC_URL).toBe(`https://${rule!.host}`);
    const backend = rule!.http.paths[0].backend.service;
    expect(backend.name).toBe(service.metadata.name);
    expect(service.spec.ports.map((p: Obj) => p.name)).toContain(backend.port.name);
  });

  test('uploads Ingress: POST /imports and POST /uploads alone take files up to the server limits, streamed, on the same host and TLS', () => {
    const main = ingressNamed('crm-server');
    const uploads = ingressNamed('crm-server-uploads');
    expect(uploads.spec.ingressClassName).toBe(main.spec.ingressClassName);
    expect(uploads.spec.tls).toEqual(main.spec.tls);
    expect(uploads.spec.rules.map((r: Obj) => r.host)).toEqual(main.spec.rules.map((r: Obj) => r.host));
    // The upload paths only (an exact match wins over the general `/`): import reports and GET /uploads/<key> keep the general limit.
    expect(uploads.spec.rules[0].http.paths.map((p: Obj) => [p.path, p.pathType])).toEqual([['/imports', 'Exact'], ['/uploads', 'Exact']]);
    for (const p of uploads.spec.rules[0].http.paths) expect(p.backend).toEqual(main.spec.rules[0].http.paths[0].backend);
    const a = uploads.metadata.annotations;
    // Above MAX_IMPORT_BYTES (50 MB) and FILES_MAX_BYTES (25 MB by default), so the server answers an oversized file
    // itself; everything else keeps 2 MB.
    const bodySize = bytes(a['nginx.ingress.kubernetes.io/proxy-body-size'].replace(/m$/, 'Mi'));
    expect(bodySize).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(bodySize).toBeGreaterThan(loadConfig({}).files.maxBytes);
    expect(bytes(main.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'].replace(/m$/, 'Mi'))).toBeLessThan(loadConfig({}).files.maxBytes);
    expect(a['nginx.ingress.kubernetes.io/proxy-request-buffering']).toBe('off');
    expect(a['nginx.ingress.kubernetes.io/proxy-next-upstream']).toBe('error timeout');
    expect(a['nginx.ingress.kubernetes.io/ssl-redirect']).toBe('true');
  });

  test('settings the server accepts (platform/config.ts), secrets only by reference, none in the output', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const pod of pods()) {
      for (const c of containers(pod)) {
        const fromConfigMaps = (c.envFrom ?? []).map((e: Obj) => e.configMapRef?.name);
        expect(fromConfigMaps).toEqual([configMap.metadata.name]); // the generated name, hash included
        expect((c.envFrom ?? []).filter((e: Obj) => e.secretRef)).toEqual([]);
        const env: Record<string, string> = { ...configMap.data };
        for (const e of c.env ?? []) {
          if (e.valueFrom?.secretKeyRef) {
            expect(e.valueFrom.secretKeyRef.name).toBe(SECRET_NAME);
            env[e.name] = e.name === 'JWT_PRIVATE_KEY' ? 'pem' : /_URL$/.test(e.name) ? fakeUrl(e.name) : 'x'.repeat(16);
          } else {
            expect([e.name, SENSITIVE.test(e.name)]).toEqual([e.name, false]);
            env[e.name] = e.value;
          }
        }
        for (const required of ['DATABASE_URL', 'REDIS_URL', 'JWT_PRIVATE_KEY', 'JWT_KEY_ID']) {
          const ref = c.env.find((e: Obj) => e.name === required)?.valueFrom?.secretKeyRef;
          expect([required, ref?.optional ?? false]).toEqual([required, false]);
        }
        // The admin and SMS pairs are optional keys: leave them out as an operator may.
        for (const k of ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SMS_API_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) delete env[k];
        const config = loadConfig(env);
        expect(config.env).toBe('production');
        expect(config.trustProxy).toBe(1);
        const metrics = (config as unknown as { metrics?: { port?: number; host?: string } }).metrics;
        if (metrics) expect(metrics).toMatchObject({ port: Number(configMap.data.METRICS_PORT), host: '0.0.0.0' });
      }
    }
    for (const key of Object.keys(configMap.data)) expect([key, SENSITIVE.test(key)]).toEqual([key, false]);
    expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    expect(text).not.toMatch(/[a-z]+:\/\/[^/\s:@]+:[^/\s@]+@/); // credentials in a URL
  });
});

function fakeUrl(name: string): string {
  return { DATABASE_URL: 'postgres://db/crm', REDIS_URL: 'redis://cache:6379', SMTP_URL: 'smtp://relay:587' }[name] ?? 'https://example.com';
}

describe('overlay differences', () => {
  const get = (overlay: string) => {
    const { objects } = render(overlay);
    const of = (kind: string) => objects.find((o) => o.kind === kind)!;
    return { deployment: of('Deployment'), hpa: of('HorizontalPodAutoscaler'), config: of('ConfigMap').data as Record<string, string>, pdb: of('PodDisruptionBudget') };
  };

  test('dev: one replica, small resources, demo data, the dev tag', () => {
    const dev = get('dev');
    expect([dev.hpa.spec.minReplicas, dev.hpa.spec.maxReplicas]).toEqual([1, 1]);
    const [c] = dev.deployment.spec.template.spec.containers;
    expect(bytes(c.resources.limits.memory)).toBeLessThanOrEqual(512 * 2 ** 20);
    expect(c.image).toMatch(/:dev$/);
    expect(dev.config.SEED_DEMO_DATA).toBe('true');
  });

  test('prod: two or more replicas, memory request = limit, a digest, introspection for signed-in callers only', () => {
    const prod = get('prod');
    const dev = get('dev');
    expect(prod.hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(prod.hpa.spec.maxReplicas).toBeGreaterThan(prod.hpa.spec.minReplicas);
    const [c] = prod.deployment.spec.template.spec.containers;
    expect(c.resources.requests.memory).toBe(c.resources.limits.memory);
    expect(c.image).toMatch(/^[^:@]+(:\d+)?\/[^:@]+@sha256:[0-9a-f]{64}$/);
    // README: in production only signed-in callers may introspect.
    expect(prod.config.GRAPHQL_INTROSPECTION).toBe('signed-in');
    expect(prod.config.SEED_DEMO_DATA).toBe('false');
    // With two replicas the PDB keeps one serving through a drain.
    expect(prod.hpa.spec.minReplicas - (prod.pdb.spec.maxUnavailable ?? prod.hpa.spec.minReplicas - prod.pdb.spec.minAvailable)).toBeGreaterThanOrEqual(1);
    expect(prod.config).not.toEqual(dev.config);
  });
});
