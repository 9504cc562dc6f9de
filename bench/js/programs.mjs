// The benchmark programs of programs.json as every JS harness needs them: runtime bytecode and
// calldata `signature(arg)` as hex (no 0x), exactly what the JMH benchmark runs.
import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { keccak_256 } from '@noble/hashes/sha3.js'

const res = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main', 'resources', 'programs')

const hex = (bytes) => Buffer.from(bytes).toString('hex')

/** The programs in file order ([{ name, codeHex, calldataHex }]), or only the one named `only`. */
export function loadPrograms(only = null) {
  const catalogue = JSON.parse(readFileSync(join(res, 'programs.json'), 'utf8'))
  const programs = []
  for (const [name, p] of Object.entries(catalogue)) {
    if (name.startsWith('_') || (only && only !== name)) continue
    const codeHex = readFileSync(join(res, p.program + '.hex'), 'utf8').trim()
    const selector = hex(keccak_256(new TextEncoder().encode(p.signature)).slice(0, 4))
    const calldataHex = selector + BigInt(p.arg).toString(16).padStart(64, '0')
    programs.push({ name, codeHex, calldataHex })
  }
  if (only && programs.length === 0) throw new Error(`no program '${only}' in programs.json`)
  return programs
}

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Parses `--name value` options with defaults; prints `usage` and exits on --help. */
export function options(usage, defaults) {
  const args = process.argv.slice(2)
  if (args.includes('--help')) {
    console.log(usage)
    process.exit(0)
  }
  const out = {}
  for (const [k, d] of Object.entries(defaults)) {
    const i = args.indexOf('--' + k)
    out[k] = i >= 0 ? args[i + 1] : d
  }
  return out
}
