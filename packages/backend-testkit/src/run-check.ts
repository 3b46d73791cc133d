import { REQUIRED_KERNELS } from '@tessera/core/backend';
import type { BackendSession } from './backend-session';
import type { BackendCheck, CheckOutcome } from './check';

/** Runs one check on a session, turning a missing required kernel and a kernel that was never reached into failures. */
export async function runCheck(session: BackendSession, check: BackendCheck): Promise<CheckOutcome> {
  const kernel = check.kernel;
  const skipReason = kernel === undefined ? undefined : session.options.skip[kernel];
  if (skipReason !== undefined) return { check, status: 'skip', message: skipReason };
  const implemented = kernel === undefined || session.supports(kernel);
  if (!implemented && REQUIRED_KERNELS.includes(kernel as (typeof REQUIRED_KERNELS)[number])) {
    const message = `backend '${session.original.name}' does not implement the required kernel '${kernel}'`;
    return { check, status: 'fail', message, error: new Error(message) };
  }
  session.calls.clear();
  try {
    await check.run(session);
    if (kernel !== undefined && implemented && !session.calls.has(kernel)) {
      throw new Error(`${kernel}: the check never reached the backend's own '${kernel}' kernel`);
    }
  } catch (error) {
    return { check, status: 'fail', message: error instanceof Error ? error.message : String(error), error };
  }
  return { check, status: implemented ? 'pass' : 'fallback' };
}
