/** The reference's data plane (SF Data plane): the proxy, and the behaviour data-plane variants change. */
export { createDataPlane, MAX_MESSAGE_BYTES, SWEEP_MS, type DataPlane, type DataPlaneOptions } from './proxy.js';
export { behaviourOf, FAITHFUL, packWhole, type DataPlaneBehaviour, type FrameRegrouper } from './behaviour.js';
