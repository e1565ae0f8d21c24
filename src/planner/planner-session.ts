import type { CoverageCommunity, CoverageSite, SuggestedSite } from '../lib/coverage'
import { createEngineClient, type EngineClient, type RemoteEngine } from './engine-client'
import type { EngineInput, PlannerSettings, PlannerSnapshot } from './types'

export interface PlannerSessionEvents {
  snapshot(next: PlannerSnapshot): void
  failed(message: string): void
}

interface Move { id: string; lng: number; lat: number }

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause))

/**
 * One owner's planner engine: starts the worker, keeps it in step with the latest settings and what-if sites (those
 * that change while it starts are sent once it is ready), sends at most one drag move at a time, and ends it.
 * Answers of an engine that was restarted or disposed meanwhile are dropped.
 */
export class PlannerSession {
  private client: EngineClient | null = null
  private generation = 0
  private ready = false
  private sites: CoverageSite[] = []
  private settings: PlannerSettings | null = null
  private communities: CoverageCommunity[] | null = null
  private moving = false
  private pendingMove: Move | null = null

  constructor(private readonly events: PlannerSessionEvents) {}

  /** (Re)starts the engine on the input `load` gives; true once it is ready, false if it failed or was ended. */
  async start(load: () => Promise<EngineInput>): Promise<boolean> {
    const generation = ++this.generation
    this.ready = false
    try {
      const input = await load()
      if (generation !== this.generation) return false
      this.client ??= createEngineClient()
      const sites = this.sites
      this.settings = input.settings
      this.communities = input.communities
      if (!(await this.update(generation, (engine) => engine.init(input)))) return false
      if (!(await this.update(generation, (engine) => engine.setSites(sites)))) return false
      this.ready = true
      const settings = this.settings
      if (settings !== input.settings) void this.update(generation, (engine) => engine.setSettings(settings))
      const communities = this.communities
      if (communities && communities !== input.communities) void this.update(generation, (engine) => engine.setCommunities(communities))
      if (this.sites !== sites) this.setSites(this.sites)
      return true
    } catch (cause) {
      if (generation === this.generation) this.events.failed(messageOf(cause))
      return false
    }
  }

  setSettings(next: PlannerSettings) {
    this.settings = next
    if (this.ready) void this.update(this.generation, (engine) => engine.setSettings(next))
  }

  /** The communities on another under-3 basis (same points, new counts). */
  setCommunities(next: CoverageCommunity[]) {
    this.communities = next
    if (this.ready) void this.update(this.generation, (engine) => engine.setCommunities(next))
  }

  setSites(next: CoverageSite[]) {
    this.sites = next
    if (this.ready) void this.update(this.generation, (engine) => engine.setSites(next))
  }

  /** A drag frame: the latest position waits for the move in flight (the engine is incremental). */
  moveSite(id: string, lng: number, lat: number) {
    // Kept current for a restart, which sends the whole set again.
    this.sites = this.sites.map((site) => (site.id === id ? { ...site, lng, lat } : site))
    if (!this.ready) return
    this.pendingMove = { id, lng, lat }
    void this.flushMove()
  }

  /** The best new sites, or null when the engine is not ready or failed. */
  suggest(count: number, capacity: number): Promise<SuggestedSite[] | null> {
    return this.ready ? this.call(this.generation, (engine) => engine.suggest(count, capacity)) : Promise.resolve(null)
  }

  /** Terminates the worker; start() begins a new one. */
  dispose() {
    this.generation += 1
    this.ready = false
    this.pendingMove = null
    this.client?.dispose()
    this.client = null
  }

  private async flushMove() {
    if (this.moving || !this.pendingMove) return
    const move = this.pendingMove
    this.pendingMove = null
    this.moving = true
    try { await this.update(this.generation, (engine) => engine.moveSite(move.id, move.lng, move.lat)) } finally { this.moving = false }
    void this.flushMove()
  }

  private async call<T>(generation: number, work: (engine: RemoteEngine) => Promise<T>): Promise<T | null> {
    const client = this.client
    if (!client) return null
    try {
      const result = await client.run(work)
      return generation === this.generation ? result : null
    } catch (cause) {
      if (generation !== this.generation) return null
      this.dispose() // a failed engine is ended (its other answers dropped); start() begins a new one
      this.events.failed(messageOf(cause))
      return null
    }
  }

  private async update(generation: number, work: (engine: RemoteEngine) => Promise<PlannerSnapshot>): Promise<boolean> {
    const next = await this.call(generation, work)
    if (next) this.events.snapshot(next)
    return next !== null
  }
}
