/**
 * Every check module, imported for its defineCheck side effect. The order here is the order of
 * the plan and the reports.
 */
import './checks/errors.js';

export { allChecks } from './check.js';
