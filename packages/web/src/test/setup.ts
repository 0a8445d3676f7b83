import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; React Router needs them.
Object.assign(globalThis, { TextDecoder, TextEncoder });

// findBy*/waitFor give up after 1 s by default: too short when CI runs jsdom next to the server tests and a browser.
configure({ asyncUtilTimeout: 5_000 });
// A test must outlast its longest wait: with Jest's own 5 s a slow findBy* failed as a test timeout instead.
jest.setTimeout(20_000);
