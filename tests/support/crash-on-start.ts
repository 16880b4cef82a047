/**
 * Test fixture, preloaded into a service process (ServiceProcess.start's `preload`): as soon as the
 * process has installed its crash handlers, it meets a bug of the kind named by TEST_CRASH
 * ("exception" or "rejection"), so that a test can see how the process reports it.
 */
const waitForHandlers = setInterval(() => {
  if (process.listenerCount('uncaughtException') === 0) return;
  clearInterval(waitForHandlers);
  const bug = new Error('simulated bug for a crash test');
  if (process.env.TEST_CRASH === 'rejection') void Promise.reject(bug);
  else throw bug;
}, 5);
