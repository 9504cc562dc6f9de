// Compiles bench/programs/*.sol with solc (npm) and writes their runtime bytecode as hex into
// bench/src/main/resources/programs/, where the JMH benchmarks and bench.mjs read it.
// usage: node compile.mjs [--check]   (--check: compare with the committed hex, exit 1 on a difference)
import solc from 'solc'
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const src = join(here, '..', 'programs')
const out = join(here, '..', 'src', 'main', 'resources', 'programs')
const check = process.argv.includes('--check')
mkdirSync(out, { recursive: true })
let differ = 0
for (const f of readdirSync(src).filter((f) => f.endsWith('.sol'))) {
  const name = f.replace('.sol', '')
  const input = {
    language: 'Solidity',
    sources: { [f]: { content: readFileSync(join(src, f), 'utf8') } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['evm.deployedBytecode.object'] } } },
  }
  const res = JSON.parse(solc.compile(JSON.stringify(input)))
  const errors = (res.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  const hex = res.contracts[f][name].evm.deployedBytecode.object + '\n'
  const target = join(out, name + '.hex')
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== hex) { console.error(`differs: ${target}`); differ++ }
  } else {
    writeFileSync(target, hex)
    console.error(`${name}: ${hex.length / 2 - 1} bytes`)
  }
}
process.exit(differ ? 1 : 0)
