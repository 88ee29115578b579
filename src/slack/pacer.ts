/**
 * Spaces out Slack calls: at most `perSecond` calls overall, and at most one a second into any one
 * channel (chat.postMessage's documented limit). Time comes from the caller, so tests can fake it.
 */
export class Pacer {
  private nextGlobal = 0;
  private readonly nextByChannel = new Map<string, number>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** How long until `channel` may take its next message (0 = now): a caller may do other work meanwhile. */
  channelBusyFor(channel: string): number {
    return Math.max(0, (this.nextByChannel.get(channel) ?? 0) - this.now());
  }

  async wait(channel: string): Promise<void> {
    const t = this.now();
    const at = Math.max(t, this.nextGlobal, this.nextByChannel.get(channel) ?? 0);
    this.nextGlobal = at + 1000 / this.perSecond;
    this.nextByChannel.set(channel, at + 1000);
    if (this.nextByChannel.size > 10_000) this.forgetPast(t);
    if (at > t) await this.sleep(at - t);
  }

  private forgetPast(t: number): void {
    for (const [channel, next] of this.nextByChannel) if (next <= t) this.nextByChannel.delete(channel);
  }
}
