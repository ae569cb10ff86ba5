// Quick fixes the core already attached to a diagnostic (legacy shapes, expression rewrites, did-you-mean renames).
import type { ActionProvider } from './action-context';
import { quickFix } from './action-context';

/**
 * One action per attached fix. The core lists the fix that addresses the finding as written first (for example
 * "move window.start to grid.start" before "delete window"), so the first one is the preferred one.
 */
export const attachedFixes: ActionProvider = (_ctx, d) => (d.fixes ?? []).map((fix, i) => quickFix(fix.title, d, fix.edits, i === 0));
