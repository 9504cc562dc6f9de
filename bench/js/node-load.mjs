// Load benchmark of a whole node, side by side in one run: our node (bin/node, in memory, dev mode)
// and anvil (the pinned npm build) start one after the other from genesis/l1-dev.json on free
// loopback ports and get the same pre-signed transactions and the same calls over JSON-RPC/HTTP.
// Prints one row per workload with both figures and the ratio ours/anvil (above 1: ours is faster).
// Both processes are killed at the end, also on error or Ctrl-C.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { openSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { tmpdir, loadavg, cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Wallet, Interface, Transaction, getCreateAddress, parseUnits } from 'ethers'
import solc from 'solc'
import { options } from './programs.mjs'

const USAGE = `usage: node node-load.mjs [--n 2000] [--m 1000] [--k 5000] [--senders 4] [--block-time 0] [--only ours|anvil] [--timeout 120]
  --n           EIP-1559 transfers, sent sequentially from one key, then again from --senders keys in parallel
  --m           ERC-20 token transfers after deploying the token
  --k           eth_call balanceOf and eth_getBalance, each sent K times sequentially
  --block-time  0: a block per transaction (both nodes' default); S > 0: a block every S seconds on both
  --only        run one side only (no ratios)
  --timeout     seconds to wait for a receipt; a side that stalls longer gets no figures for the rest of its run`
const opt = options(USAGE, { n: '2000', m: '1000', k: '5000', senders: '4', 'block-time': '0', only: null, timeout: '120' })
const N = Number(opt.n)
const M = Number(opt.m)
const K = Number(opt.k)
const SENDERS = Number(opt.senders)
const BLOCK_TIME = Number(opt['block-time'])
const TIMEOUT_MS = Number(opt.timeout) * 1000
for (const [k, v] of [['n', N], ['m', M], ['k', K], ['senders', SENDERS], ['block-time', BLOCK_TIME], ['timeout', Number(opt.timeout)]]) {
  if (!Number.isInteger(v) || v < (k === 'block-time' ? 0 : 1)) throw new Error(`--${k} must be a whole number${k === 'block-time' ? '' : ' >= 1'}`)
}
if (SENDERS > 4) throw new Error('--senders: the genesis has 4 dev keys')
if (opt.only && !['ours', 'anvil'].includes(opt.only)) throw new Error('--only must be ours or anvil')

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const GENESIS = join(root, 'genesis', 'l1-dev.json')
const ANVIL = join(here, 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil')
const CHAIN_ID = 1337n
// The dev keys of README.md / genesis/l1-dev.json.
const KEYS = [
  '0x3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de',
  '0xbdd95b5ba9fbda9af453c806479dade573f9ad4275bdc2ee78cb319a88602bdd',
  '0x77fc9f422b50f444d25397081b1484995774401a9535c11154882b27e22a11ec',
  '0x43c115d56253f391a5463524f33595e1374c2ec4c0aa04814db1480a93927cf4',
].map((k) => new Wallet(k))
// Fresh recipients, so their final balance proves every transfer to them was executed.
const recipient = (i) => '0x' + (0xbe00 + i).toString(16).padStart(40, '0')
const FEES = { maxFeePerGas: parseUnits('50', 'gwei'), maxPriorityFeePerGas: parseUnits('1', 'gwei') }
// Pool answers that mean "come back after the next block" (ours: geth's per-sender/total slots).
const RETRYABLE = /account limit exceeded|txpool is full/

const TOKEN_SOL = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Token {
  mapping(address => uint256) public balanceOf;
  event Transfer(address indexed from, address indexed to, uint256 value);
  constructor(uint256 supply) { balanceOf[msg.sender] = supply; emit Transfer(address(0), msg.sender, supply); }
  function transfer(address to, uint256 value) external returns (bool) {
    require(balanceOf[msg.sender] >= value, "balance");
    unchecked { balanceOf[msg.sender] -= value; }
    balanceOf[to] += value;
    emit Transfer(msg.sender, to, value);
    return true;
  }
}`

function compileToken() {
  const input = {
    language: 'Solidity',
    sources: { 'Token.sol': { content: TOKEN_SOL } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
  }
  const res = JSON.parse(solc.compile(JSON.stringify(input)))
  const errors = (res.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  return '0x' + res.contracts['Token.sol'].Token.evm.bytecode.object
}

/** Every transaction of the run, signed once and sent unchanged to both nodes (both start from the same genesis). */
async function presign() {
  const nonces = KEYS.map(() => 0)
  const sign = (w, tx) => w.signTransaction({ type: 2, chainId: CHAIN_ID, nonce: nonces[KEYS.indexOf(w)]++, ...FEES, ...tx })
  const seq = []
  for (let i = 0; i < N; i++) seq.push(await sign(KEYS[0], { to: recipient(0), value: 1n, gasLimit: 21000n }))
  const par = KEYS.slice(0, SENDERS).map(() => [])
  const perSender = Math.ceil(N / SENDERS)
  for (let s = 0; s < SENDERS; s++) {
    for (let i = 0; i < perSender && s * perSender + i < N; i++) par[s].push(await sign(KEYS[s], { to: recipient(1 + s), value: 1n, gasLimit: 21000n }))
  }
  const deployer = KEYS[3]
  const token = getCreateAddress({ from: deployer.address, nonce: nonces[KEYS.indexOf(deployer)] })
  const iface = new Interface(['function transfer(address,uint256) returns (bool)', 'function balanceOf(address) view returns (uint256)'])
  const supply = 10n ** 24n
  const deploy = await sign(deployer, { data: compileToken() + supply.toString(16).padStart(64, '0'), gasLimit: 1_000_000n })
  const tokenTxs = []
  for (let i = 0; i < M; i++) tokenTxs.push(await sign(deployer, { to: token, data: iface.encodeFunctionData('transfer', [recipient(100 + (i % 10)), 1n]), gasLimit: 100_000n }))
  return { seq, par, deployer: deployer.address, token, supply, deploy, tokenTxs, iface }
}

// --- JSON-RPC over HTTP (keep-alive fetch, the same client for both nodes) ---
class Rpc {
  constructor(url) { this.url = url; this.id = 0; this.retries = 0; this.resets = 0 }
  async call(method, params = []) {
    const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params }) }
    let res
    try {
      res = await fetch(this.url, request)
    } catch (e) {
      // A kept-alive connection the server closed just as it was reused: resend once on a new one.
      this.resets++
      res = await fetch(this.url, request)
    }
    const body = await res.json()
    if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message} (${body.error.code})`), { rpc: body.error })
    return body.result
  }
  /** eth_sendRawTransaction; on a full pool waits for the next block and retries (counted in `retries`). */
  async send(raw) {
    for (;;) {
      try {
        return await this.call('eth_sendRawTransaction', [raw])
      } catch (e) {
        if (e.rpc && /already known/i.test(e.rpc.message) && this.resets) return Transaction.from(raw).hash // resent after a reset
        if (!e.rpc || !RETRYABLE.test(e.rpc.message)) throw e
        this.retries++
        await sleep(5)
      }
    }
  }
  async receipt(hash, timeoutMs = TIMEOUT_MS) {
    const end = Date.now() + timeoutMs
    for (;;) {
      const r = await this.call('eth_getTransactionReceipt', [hash])
      if (r) return r
      if (Date.now() > end) throw Object.assign(new Error(`stalled: no receipt for ${hash} after ${timeoutMs / 1000} s`), { stalled: true })
      await sleep(10)
    }
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const now = () => performance.now()

// --- processes ---
const children = new Set()
function killAll() {
  for (const c of children) {
    try { process.kill(-c.pid, 'SIGKILL') } catch { /* already gone */ }
  }
  children.clear()
}
process.on('exit', killAll)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killAll(); process.exit(130) })

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)) })
  })
}

/** Starts `cmd` in its own process group, logging to a temp file, and waits until eth_chainId answers 1337. */
async function start(name, cmd, args, port) {
  const log = join(tmpdir(), `node-load-${name}-${process.pid}.log`)
  const out = openSync(log, 'w')
  const child = spawn(cmd, args, { cwd: root, detached: true, stdio: ['ignore', out, out] })
  children.add(child)
  let exited = null
  child.on('exit', (code) => { exited = code; children.delete(child) })
  const rpc = new Rpc(`http://127.0.0.1:${port}`)
  const end = Date.now() + 300_000 // bin/node may build its jar first
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before answering; see ${log}:\n${readFileSync(log, 'utf8').slice(-2000)}`)
    try {
      if (BigInt(await rpc.call('eth_chainId')) !== CHAIN_ID) throw new Error(`${name}: wrong chain id`)
      break
    } catch (e) {
      if (e.message.endsWith('wrong chain id')) throw e
      if (Date.now() > end) throw new Error(`${name} did not answer in 300 s; see ${log}`)
      await sleep(200)
    }
  }
  rpc.resets = 0 // the polls before it listened are not resets
  return { rpc, log, stop: () => new Promise((resolve) => {
    if (exited !== null) return resolve()
    child.once('exit', resolve)
    try { process.kill(-child.pid, 'SIGTERM') } catch { resolve() }
    setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ } }, 5000).unref()
  }) }
}

async function startOurs() {
  const [http, ws, engine, metrics] = [await freePort(), await freePort(), await freePort(), await freePort()]
  const args = ['--in-memory', '--rpc-http-port', http, '--rpc-ws-port', ws, '--engine-rpc-port', engine, '--metrics-port', metrics]
  if (BLOCK_TIME) args.push('--block-time', BLOCK_TIME)
  return start('ours', join(root, 'bin', 'node'), args.map(String), http)
}

async function startAnvil() {
  const port = await freePort()
  const args = ['--init', GENESIS, '--port', port, '--hardfork', 'osaka', '--silent']
  if (BLOCK_TIME) args.push('--block-time', BLOCK_TIME)
  return start('anvil', ANVIL, args.map(String), port)
}

// --- workloads ---
function check(cond, what) { if (!cond) throw new Error(`check failed: ${what}`) }

/** Sends `raws` in order, one at a time; returns the hashes. */
async function sendAll(rpc, raws) {
  const hashes = []
  for (const raw of raws) hashes.push(await rpc.send(raw))
  return hashes
}

async function checkIncluded(rpc, hashes) {
  for (const h of [hashes[0], hashes[hashes.length - 1]]) {
    const r = await rpc.receipt(h)
    check(r.status === '0x1', `receipt ${h} status ${r.status}`)
  }
}

async function run(name, node, txs, rows) {
  const { rpc } = node
  const t00 = now()
  const progress = (what) => console.error(`${name}: ${what} done at ${((now() - t00) / 1000).toFixed(1)} s`)
  const head0 = Number(await rpc.call('eth_blockNumber'))

  // 1. sequential submission from one key
  let t0 = now()
  const seqHashes = await sendAll(rpc, txs.seq)
  const tSent = now()
  await rpc.receipt(seqHashes.at(-1))
  const tIncl = now()
  rows['transfers: sequential send (tx/s)'] = N / ((tSent - t0) / 1000)
  rows['transfers: send + last included (tx/s)'] = N / ((tIncl - t0) / 1000)
  await checkIncluded(rpc, seqHashes)
  check(BigInt(await rpc.call('eth_getBalance', [recipient(0), 'latest'])) === BigInt(N), 'sequential recipient balance')
  const seqRetries = rpc.retries
  progress('sequential transfers')

  // 2. the same volume from several keys in parallel, each in nonce order
  t0 = now()
  const parHashes = await Promise.all(txs.par.map((raws) => sendAll(rpc, raws)))
  const tParSent = now()
  await Promise.all(parHashes.map((h) => rpc.receipt(h.at(-1))))
  const tParIncl = now()
  rows[`transfers: ${SENDERS} senders in parallel (tx/s)`] = N / ((tParSent - t0) / 1000)
  rows[`transfers: ${SENDERS} senders, last included (tx/s)`] = N / ((tParIncl - t0) / 1000)
  for (let s = 0; s < txs.par.length; s++) {
    await checkIncluded(rpc, parHashes[s])
    check(BigInt(await rpc.call('eth_getBalance', [recipient(1 + s), 'latest'])) === BigInt(txs.par[s].length), `parallel recipient ${s} balance`)
  }

  progress('parallel transfers')

  // 3. contract: deploy the token, then M transfers of it
  const deployHash = await rpc.send(txs.deploy)
  const dr = await rpc.receipt(deployHash)
  check(dr.status === '0x1' && dr.contractAddress.toLowerCase() === txs.token.toLowerCase(), 'token deployed at the expected address')
  t0 = now()
  const tokHashes = await sendAll(rpc, txs.tokenTxs)
  await rpc.receipt(tokHashes.at(-1))
  rows['token transfers, last included (tx/s)'] = M / ((now() - t0) / 1000)
  await checkIncluded(rpc, tokHashes)
  const balanceOf = (who) => ({ to: txs.token, data: txs.iface.encodeFunctionData('balanceOf', [who]) })
  let moved = 0n
  for (let i = 0; i < Math.min(10, M); i++) moved += BigInt(await rpc.call('eth_call', [balanceOf(recipient(100 + i)), 'latest']))
  check(moved === BigInt(M), `token recipients hold ${moved}, expected ${M}`)
  check(BigInt(await rpc.call('eth_call', [balanceOf(txs.deployer), 'latest'])) === txs.supply - BigInt(M), 'deployer token balance')

  progress('token transfers')

  // 4. reads
  const calls = Array.from({ length: 10 }, (_, i) => balanceOf(recipient(100 + i)))
  t0 = now()
  for (let i = 0; i < K; i++) await rpc.call('eth_call', [calls[i % 10], 'latest'])
  rows['eth_call balanceOf (calls/s)'] = K / ((now() - t0) / 1000)
  t0 = now()
  for (let i = 0; i < K; i++) await rpc.call('eth_getBalance', [recipient(i % 5), 'latest'])
  rows['eth_getBalance (calls/s)'] = K / ((now() - t0) / 1000)
  const LOG_RUNS = 5
  t0 = now()
  for (let i = 0; i < LOG_RUNS; i++) {
    const logs = await rpc.call('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest' }])
    check(logs.length === M + 1, `eth_getLogs over the chain: ${logs.length} logs, expected ${M + 1}`)
  }
  rows[`eth_getLogs 0..latest, ${M + 1} logs (calls/s)`] = LOG_RUNS / ((now() - t0) / 1000)

  progress('reads')
  const head = Number(await rpc.call('eth_blockNumber'))
  return { rows, blocks: head - head0, retries: rpc.retries, seqRetries, resets: rpc.resets }
}

async function side(name, startFn, txs) {
  const t0 = now()
  const node = await startFn()
  console.error(`${name}: answering after ${((now() - t0) / 1000).toFixed(1)} s (log ${node.log})`)
  const rows = {}
  try {
    const r = await run(name, node, txs, rows).catch(async (e) => {
      if (!e.stalled) throw e
      const status = await node.rpc.call('txpool_status').catch(() => null)
      const head = await node.rpc.call('eth_blockNumber').catch(() => null)
      const stalled = `${e.message} (head ${Number(head)}, txpool_status ${JSON.stringify(status)}); no figures for the rest of its run`
      console.error(`${name}: ${stalled}`)
      return { rows, stalled, blocks: Number(head), retries: node.rpc.retries, seqRetries: '?', resets: node.rpc.resets }
    })
    console.error(`${name}: done, ${r.blocks} blocks sealed, ${r.retries} pool-full retries (${r.seqRetries} in the sequential phase), ${r.resets} connections reset`)
    console.error(JSON.stringify(r.rows))
    return r
  } finally {
    await node.stop()
  }
}

try {
  const cmd = `node bench/js/node-load.mjs ${process.argv.slice(2).join(' ')}`.trim()
  const loadStart = loadavg().map((l) => l.toFixed(2)).join(' ')
  console.error(`signing ${2 * N + M + 1} transactions...`)
  const txs = await presign()
  const results = {}
  if (opt.only !== 'anvil') results.ours = await side('ours', startOurs, txs)
  if (opt.only !== 'ours') results.anvil = await side('anvil', startAnvil, txs)
  const fmt = (x) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1))
  const names = [...new Set(Object.values(results).flatMap((r) => Object.keys(r.rows)))]
  console.log(`\n${cmd}`)
  console.log(`${new Date().toISOString()}, ${cpus().length} cores, load average at start ${loadStart}, at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log(`mode: ${BLOCK_TIME ? `a block every ${BLOCK_TIME} s` : 'a block per transaction'}; N=${N} M=${M} K=${K} senders=${SENDERS}; HTTP, one request at a time per sender\n`)
  console.log('| workload | ours | anvil | ours / anvil |')
  console.log('| --- | ---: | ---: | ---: |')
  for (const row of names) {
    const a = results.ours?.rows[row]
    const b = results.anvil?.rows[row]
    console.log(`| ${row} | ${fmt(a)} | ${fmt(b)} | ${a && b ? (a / b).toFixed(2) : '-'} |`)
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(`\n${name}: ${r.blocks} blocks sealed, ${r.retries} sends retried after a full-pool answer, ${r.resets} requests resent after a connection reset`)
    if (r.stalled) console.log(`${name} ${r.stalled}`)
  }
} catch (e) {
  console.error(e)
  killAll()
  process.exit(1)
}
