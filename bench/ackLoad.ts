import autocannon from "autocannon";

/** One acknowledged command. */
export interface Ack {
  /** ms after the start of the run that the command was sent (0 in a closed loop, which does not say). */
  sentAt: number;
  ms: number;
  /** Answered "Rounds is very busy…" in the ack (more than 100 pieces of after-ack work waiting). */
  busy: boolean;
}

export interface LoadRun {
  acks: Ack[];
  /** Non-2xx answers, errors and timeouts. */
  failed: number;
}

/** A signed request to POST to /slack/events. */
export type SignedRequest = () => { body: string; headers: Record<string, string> };

/**
 * `connections` connections each send their next request as soon as the last is acknowledged, for
 * `duration` s (the app's saturation point), with autocannon.
 */
export async function closedLoop(url: string, connections: number, duration: number, request: SignedRequest): Promise<LoadRun> {
  const sizes: number[] = [];
  const times: number[] = [];
  const result = await autocannon({
    setupClient: (client) =>
      void client.on("response", (_status: number, bytes: number, time: number) => {
        sizes.push(bytes);
        times.push(time);
      }),
    url,
    connections,
    duration,
    requests: [{ method: "POST", path: "/slack/events", setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  // A plain ack has an empty body; "Rounds is very busy…" has text.
  const plain = Math.min(...sizes);
  return { acks: times.map((ms, i) => ({ sentAt: 0, ms, busy: sizes[i]! > plain + 40 })), failed: result.non2xx + result.errors + result.timeouts };
}
