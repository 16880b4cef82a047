// Artillery 2.0.21 sends a usage event to PostHog even with ARTILLERY_DISABLE_TELEMETRY set (an
// anonymous one then), and on exit waits for posthog-node's retries: about 12 s a run where the
// network is closed, as on the bench's machines. artillery/package.json overrides posthog-node
// with this client, which sends nothing.
class PostHog {
  capture() {}

  async shutdownAsync() {}
}

module.exports = { PostHog };
