import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; React Router needs them.
Object.assign(globalThis, { TextDecoder, TextEncoder });
