// Compiles src/test/resources/contracts/*.sol with solc (npm) into <Name>.json artifacts beside
// them (ABI, creation and runtime bytecode), which the acceptance tests deploy. Same approach as
// bench/js/compile.mjs, with the ABI kept because the tests encode calls from it.
// usage: node compile.mjs [--check]   (--check: compare with the committed artifacts, exit 1 on a difference)
import solc from 'solc'
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const dir = join(here, '..', 'src', 'test', 'resources', 'contracts')
const check = process.argv.includes('--check')
const settings = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'prague' }
let differ = 0
for (const f of readdirSync(dir).filter((f) => f.endsWith('.sol')).sort()) {
  const name = f.replace('.sol', '')
  const input = {
    language: 'Solidity',
    sources: { [f]: { content: readFileSync(join(dir, f), 'utf8') } },
    settings: { ...settings, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  }
  const res = JSON.parse(solc.compile(JSON.stringify(input)))
  const errors = (res.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  const c = res.contracts[f][name]
  const artifact = {
    contractName: name,
    compiler: 'solc ' + solc.version(),
    settings,
    abi: c.abi,
    bytecode: '0x' + c.evm.bytecode.object,
    deployedBytecode: '0x' + c.evm.deployedBytecode.object,
  }
  const text = JSON.stringify(artifact, null, 2) + '\n'
  const target = join(dir, name + '.json')
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) { console.error(`differs: ${target}`); differ++ }
  } else {
    writeFileSync(target, text)
    console.error(`${name}: ${c.evm.deployedBytecode.object.length / 2} bytes of runtime code`)
  }
}
process.exit(differ ? 1 : 0)
