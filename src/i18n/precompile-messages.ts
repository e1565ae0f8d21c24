// Build-time only (vite.config.ts imports it, the app never does). @intlify/unplugin-vue-i18n 6.0.8 cannot serve here:
// it compiles only json/yaml/js resources (not .ts), and its json path relies on Vite's JS `vite:json` plugin, which
// Vite 8 replaced with rolldown's native `builtin:vite-json` (the build fails: "expected value at line 1 column 1").
import { baseCompile } from '@intlify/message-compiler'
import { parseAst, type Plugin } from 'vite'

/**
 * Message modules: `export const zh = { … }` / `export const en: typeof zh = { … }` of plain strings. Imported with
 * `?locale=zh` or `?locale=en`, a module keeps only that language, so each language can be its own chunk.
 */
const MESSAGE_MODULE = /[\\/]src[\\/]i18n[\\/]messages[\\/][\w-]+\.ts(?:\?locale=(zh|en))?$/

type Node = { type: string; [field: string]: unknown }
type CompiledTree = { [key: string]: unknown }

/** vue-i18n's message AST for one message, in the form @intlify/bundle-utils emits for production. */
function compileMessage(message: string, path: string): unknown {
  const { ast } = baseCompile(message, {
    jit: true,
    location: false,
    minify: true,
    onError: (error) => { throw new Error(`i18n message ${path}: ${error.message}`) },
  })
  return ast
}

function compileObject(node: Node, path: string): CompiledTree {
  if (node.type !== 'ObjectExpression') throw new Error(`i18n message ${path}: expected an object literal, got ${node.type}`)
  const entries = (node.properties as Node[]).map((property): [string, unknown] => {
    const key = property.key as Node
    const name = String(key.type === 'Identifier' ? key.name : key.value)
    const value = property.value as Node
    const at = path ? `${path}.${name}` : name
    if (property.type !== 'Property' || property.computed) throw new Error(`i18n message ${at}: only plain properties`)
    return [name, value.type === 'Literal' && typeof value.value === 'string' ? compileMessage(value.value, at) : compileObject(value, at)]
  })
  return Object.fromEntries(entries)
}

/**
 * Rewrites a message module (already stripped of types) so each exported string is vue-i18n's precompiled AST:
 * the runtime-only vue-i18n build renders it without a message compiler and without eval.
 *
 * @example
 * precompileMessageModule("export const zh = { a: '共 {n} 家' }")
 * // → 'export const zh = {"a":{"t":0,"b":{"t":2,"i":[{"t":3,"v":"共 "},{"t":4,"k":"n"},{"t":3,"v":" 家"}]}}};\n'
 */
export function precompileMessageModule(code: string, only?: string): string {
  return (parseAst(code).body as unknown as Node[]).map((statement) => {
    const declaration = statement.declaration as Node | null | undefined
    if (statement.type !== 'ExportNamedDeclaration' || declaration?.type !== 'VariableDeclaration') {
      throw new Error(`i18n messages: only "export const name = { … }" is allowed, found ${statement.type}`)
    }
    return (declaration.declarations as Node[]).map((declarator) => {
      const name = String((declarator.id as Node).name)
      if (only && name !== only) return ''
      return `export const ${name} = ${JSON.stringify(compileObject(declarator.init as Node, ''))};\n`
    }).join('')
  }).join('')
}

/** Vite plugin: precompiled messages, and vue-i18n's runtime-only build (no message compiler ships). */
export function precompileMessages(): Plugin {
  return {
    name: 'zjg-i18n-precompile-messages',
    config: () => ({
      resolve: { alias: [{ find: /^vue-i18n$/, replacement: 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' }] },
    }),
    transform(code, id) {
      const match = MESSAGE_MODULE.exec(id)
      if (!match) return null
      return { code: precompileMessageModule(code, match[1]), map: null }
    },
  }
}
