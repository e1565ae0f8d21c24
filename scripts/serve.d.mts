import type { Server } from 'node:http'
export function contentSecurityPolicy(options?: { extraConnect?: string[]; extraImg?: string[]; frameAncestors?: string[] }): string
export function createStaticServer(root: string, options?: { headers?: Record<string, string> }): Server
