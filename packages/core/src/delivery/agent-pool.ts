import type { LookupFunction } from 'node:net';
import type { ResolvedDeliveryOptions } from './delivery-options';

const lookupIds = new WeakMap<LookupFunction, number>();
let lastLookupId = 0;

// Sockets are checked once, when they connect. Keyed by guard settings, a kept-alive socket
// opened under a permissive allowlist is never reused for a stricter one.
function guardKey({ lookup, allowedHosts }: ResolvedDeliveryOptions): string {
  let id = lookupIds.get(lookup);
  if (id === undefined) {
    id = ++lastLookupId;
    lookupIds.set(lookup, id);
  }
  return `${id}|${allowedHosts.key}`;
}

/** One connection pool (an http.Agent pair, an undici Agent…) per guard configuration. */
export class AgentPool<Agent> {
  private readonly agents = new Map<string, Agent>();

  constructor(
    private readonly create: (options: ResolvedDeliveryOptions) => Agent,
    private readonly destroy: (agent: Agent) => Promise<void> | void,
  ) {}

  get(options: ResolvedDeliveryOptions): Agent {
    const key = guardKey(options);
    let agent = this.agents.get(key);
    if (agent === undefined) {
      agent = this.create(options);
      this.agents.set(key, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => this.destroy(agent)));
  }
}
