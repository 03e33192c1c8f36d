/** In-memory task backend and sync store: platform-free, for tests and the local workspace. */
export type { MemoryBackendOptions, MemoryBackendStats, MemoryTask } from './backend';
export { MemoryTaskBackend } from './backend';
export type { FaultKind, FaultPoint, FaultSchedule } from './faults';
export { FaultInjector, SimulatedCrash } from './faults';
export { MemorySyncStore } from './store';
