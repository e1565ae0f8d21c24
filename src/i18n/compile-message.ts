import type { MessageCompiler, MessageContext } from 'vue-i18n'

type Part = string | { name: string }
/** The runtime context also carries the processor's normalize/interpolate (used by <i18n-t>); untyped upstream. */
type RuntimeContext = MessageContext & { normalize(values: unknown[]): string; interpolate(value: unknown): unknown }

/**
 * A message compiler for the only syntax our messages use: `{name}` placeholders. The build aliases vue-i18n to
 * its runtime-only build, so @intlify/message-compiler (about 6 kB gzip, and a parse per message) never ships;
 * tests/unit/i18n-compile-message.test.ts checks every message renders as vue-i18n's own compiler renders it.
 * Plurals (`|`), linked messages (`@:`) and literals (`{'…'}`) are not supported: do not use them in messages.
 */
export const compileMessage: MessageCompiler = (source) => {
  const text = typeof source === 'string' ? source : ''
  const parts: Part[] = text.split(/\{\s*(\w+)\s*\}/).map((part, index) => (index % 2 === 1 ? { name: part } : part))
  return (messageContext: MessageContext) => {
    const context = messageContext as RuntimeContext
    return context.normalize(parts.map((part) => {
      if (typeof part === 'string') return part
      return context.interpolate(/^\d+$/.test(part.name) ? context.list(Number(part.name)) : context.named(part.name))
    }))
  }
}
