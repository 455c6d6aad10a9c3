/**
 * Every check module, imported for its defineCheck side effect. The order here is the order of
 * the reports (contract first, then errors, then lifecycle); a run goes cheapest first, and
 * checks of equal cost keep this order.
 */
import './checks/contract.js';
import './checks/invalid.js';
import './checks/errors.js';
import './checks/open.js';
import './checks/close.js';
import './checks/list.js';
import './checks/tags.js';
import './checks/rotate.js';
import './checks/expiry.js';
import './checks/limits.js';
import './checks/model-run.js';
import './checks/dataplane.js';

export { allChecks } from './check.js';
