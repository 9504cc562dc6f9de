// Foundry's cast against the node, as someone at a terminal would use it: chain id, blocks,
// balances, nonces, a transfer, a blob and a contract deployment sent with --private-key, receipts,
// transactions, calls, gas estimates, reverts, logs, storage, code and a transaction replayed by run.
// usage: node cast-flow.mjs --rpc URL --key 0x<funded dev key>   (a --ws URL is accepted and not used)
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Mismatch, Traffic, check, eq, options, piggyBank, run, step } from './common.mjs'

const CAST = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '@foundry-rs', 'cast-linux-amd64', 'bin', 'cast')
const opts = options(['rpc', 'key'])
const traffic = new Traffic()
const exec = promisify(execFile)

/** Runs `cast <subcommand> --rpc-url <node> <args>` and returns its trimmed stdout; a non-zero exit fails the step. */
async function cast(subcommand, ...args) {
  const result = await castResult(subcommand, ...args)
  if (result.code !== 0) throw new Mismatch(`cast ${subcommand} exited with ${result.code}: ${result.stderr}`)
  return result.stdout
}

/** Runs cast against the node and returns its exit code, stdout and stderr, whatever the exit code. */
async function castResult(subcommand, ...args) {
  const argv = [subcommand, '--rpc-url', opts.rpc, ...args]
  traffic.record('$', `cast ${argv.join(' ')}`)
  let result
  try {
    const { stdout, stderr } = await exec(CAST, argv, { timeout: 60_000, maxBuffer: 16 << 20, env: { ...process.env, NO_COLOR: '1' } })
    result = { code: 0, stdout: stdout.trim(), stderr: stderr.trim() }
  } catch (e) {
    if (typeof e.code !== 'number') throw e
    result = { code: e.code, stdout: e.stdout.trim(), stderr: e.stderr.trim() }
  }
  traffic.record('>', `exit ${result.code}: ${result.stdout} ${result.stderr}`)
  return result
}

/** `cast <subcommand> --json <args>`, parsed. */
const castJson = async (subcommand, ...args) => JSON.parse(await cast(subcommand, '--json', ...args))

/** A transaction's fee from its receipt: gas used times the effective gas price. */
const fee = (receipt) => BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice)

/** Offline helpers (no node involved): ABI encoding and hashing, also done by cast. */
const offline = async (...args) => (await exec(CAST, args)).stdout.trim()

if (!existsSync(CAST)) {
  console.error(`FAIL cast: no binary at ${CAST}: run npm ci in ${dirname(dirname(dirname(dirname(dirname(CAST)))))}`)
  process.exit(1)
}

await run('cast', traffic, async () => {
  const me = await offline('wallet', 'address', '--private-key', opts.key)

  await step('chain-id, block-number, block latest --full', async () => {
    eq(await cast('chain-id'), '1337', 'chain-id')
    const number = BigInt(await cast('block-number'))
    const block = await castJson('block', 'latest', '--full')
    eq(BigInt(block.number), number, 'number of block latest')
    check(Array.isArray(block.transactions), 'block latest --full has a transactions array')
  })

  const recipient = '0x' + randomBytes(20).toString('hex')
  let transfer
  await step('send --private-key --value: balances, nonce, receipt and tx agree', async () => {
    const [before, nonce] = [BigInt(await cast('balance', me)), BigInt(await cast('nonce', me))]
    eq(await cast('balance', recipient), '0', 'fresh recipient balance')
    eq(await cast('estimate', recipient, '--value', '4242', '--from', me), '21000', 'estimate of a plain transfer')
    transfer = await castJson('send', '--private-key', opts.key, recipient, '--value', '4242')
    eq(transfer.status, '0x1', 'receipt status')
    eq(await cast('balance', recipient), '4242', 'recipient balance')
    eq(BigInt(await cast('balance', me)), before - 4242n - fee(transfer), 'sender balance')
    eq(BigInt(await cast('nonce', me)), nonce + 1n, 'sender nonce')
    const receipt = await castJson('receipt', transfer.transactionHash)
    eq([receipt.blockHash, receipt.gasUsed, receipt.from, receipt.to], [transfer.blockHash, '0x5208', me.toLowerCase(), recipient],
      'receipt: blockHash, gasUsed, from, to')
    const tx = await castJson('tx', transfer.transactionHash)
    eq([tx.from, tx.to, BigInt(tx.value), BigInt(tx.nonce), tx.blockHash], [me.toLowerCase(), recipient, 4242n, nonce, transfer.blockHash],
      'tx: from, to, value, nonce, blockHash')
    const block = await castJson('block', 'latest', '--full')
    eq(block.hash, transfer.blockHash, 'block latest is the transfer block')
    eq(block.transactions.map((t) => t.hash), [transfer.transactionHash], 'full transactions of block latest')
  })

  await step('send --blob: a type-3 transaction, the sender pays gas and blob gas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cast-blob-'))
    const file = join(dir, 'blob.txt')
    writeFileSync(file, 'a blob sent by cast to the native-rollups devnet\n')
    try {
      const before = BigInt(await cast('balance', me))
      const receipt = await castJson('send', '--private-key', opts.key, '--blob', '--path', file, recipient)
      eq([receipt.status, receipt.type, receipt.blobGasUsed], ['0x1', '0x3', '0x20000'], 'receipt: status, type, blob gas of one blob')
      eq(BigInt(await cast('balance', me)), before - fee(receipt) - BigInt(receipt.blobGasUsed) * BigInt(receipt.blobGasPrice), 'sender balance')
      const tx = await castJson('tx', receipt.transactionHash)
      eq(tx.blobVersionedHashes?.length, 1, 'blobVersionedHashes of the transaction')
      check(tx.blobVersionedHashes[0].startsWith('0x01'), `a KZG versioned hash starts with 0x01: ${tx.blobVersionedHashes[0]}`)
      const block = await castJson('block', receipt.blockNumber)
      eq(block.blobGasUsed, '0x20000', 'blobGasUsed of the block')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  let bank, deployReceipt
  await step('send --create: PiggyBank deployed, its code and constructor state', async () => {
    const args = await offline('abi-encode', 'constructor(string)', 'cast piggy')
    deployReceipt = await castJson('send', '--private-key', opts.key, '--create', piggyBank.bytecode + args.slice(2))
    eq(deployReceipt.status, '0x1', 'deployment status')
    bank = deployReceipt.contractAddress
    const nonce = BigInt(await cast('nonce', me)) - 1n
    eq(bank, await offline('compute-address', me, '--nonce', nonce.toString()).then((s) => s.split(' ').pop()), 'contract address')
    eq((await cast('code', bank)).length, piggyBank.deployedBytecode.length, 'runtime code length')
    eq(await cast('call', bank, 'name()(string)'), '"cast piggy"', 'name()')
    eq(await cast('call', bank, 'owner()(address)'), me, 'owner()')
  })

  let deposit
  await step('send a deposit: its log in the receipt and in logs, storage slot 1 and balance', async () => {
    deposit = await castJson('send', '--private-key', opts.key, bank, 'deposit()', '--value', '9000')
    eq(deposit.status, '0x1', 'deposit status')
    const topic0 = await offline('keccak', 'Deposited(address,uint256,uint256)')
    const data = await offline('abi-encode', 'f(uint256,uint256)', '9000', '9000')
    const expected = { address: bank, topics: [topic0, '0x' + me.slice(2).toLowerCase().padStart(64, '0')], data }
    const shape = (l) => ({ address: l.address, topics: l.topics, data: l.data })
    eq(deposit.logs.map(shape), [expected], 'receipt logs')
    const logs = await castJson('logs', '--from-block', BigInt(deployReceipt.blockNumber).toString(),
      '--to-block', BigInt(deposit.blockNumber).toString(), '--address', bank,
      'Deposited(address indexed from, uint256 amount, uint256 total)')
    eq(logs.map(shape), [expected], 'cast logs by event over the range')
    eq(logs[0].transactionHash, deposit.transactionHash, 'cast logs: transaction hash')
    eq(await cast('storage', bank, '1'), '0x' + (9000).toString(16).padStart(64, '0'), 'storage slot 1 (total)')
    eq(await cast('balance', bank), '9000', 'contract balance')
    eq(await cast('call', bank, 'total()(uint256)'), '9000', 'total()')
  })

  await step('run: the deposit re-executed on the state before it uses the gas of its receipt', async () => {
    const replay = await cast('run', deposit.transactionHash)
    eq(/Gas used: (\d+)/.exec(replay)?.[1], BigInt(deposit.gasUsed).toString(), `gas used by cast run (output: ${replay})`)
  })

  await step('estimate a second deposit, then send it with exactly that gas limit', async () => {
    const estimate = await cast('estimate', bank, 'deposit()', '--value', '1', '--from', me)
    const second = await castJson('send', '--private-key', opts.key, '--gas-limit', estimate, bank, 'deposit()', '--value', '1')
    eq(second.status, '0x1', `status of a deposit with the estimated ${estimate} gas`)
    check(BigInt(second.gasUsed) <= BigInt(estimate), `gas used ${BigInt(second.gasUsed)} within the estimate ${estimate}`)
    eq(await cast('storage', bank, '1'), '0x' + (9001).toString(16).padStart(64, '0'), 'storage slot 1 (total) after the second deposit')
  })

  await step('call and estimate revert: the custom error data and the require string', async () => {
    const stranger = '0x' + randomBytes(20).toString('hex')
    const notOwnerData = await offline('abi-encode', 'NotOwner(address,address)', stranger, me)
    const selector = (await offline('sig', 'NotOwner(address,address)')).slice(2)
    for (const command of ['call', 'estimate']) {
      const r = await castResult(command, '--from', stranger, bank, 'withdraw(uint256)', '1')
      check(r.code !== 0, `cast ${command} withdraw by a stranger succeeded: ${r.stdout}`)
      const data = /data: "?(0x[0-9a-fA-F]+)/.exec(r.stderr)?.[1]
      eq(data, '0x' + selector + notOwnerData.slice(2), `${command}: NotOwner revert data`)
      const decoded = (await offline('decode-error', '--sig', 'NotOwner(address,address)', data)).split('\n')
      eq(decoded.map((a) => a.toLowerCase()), [stranger, me.toLowerCase()], `${command}: decode-error NotOwner(caller, owner)`)
      const empty = await castResult(command, '--from', me, bank, 'deposit()')
      check(empty.code !== 0 && empty.stderr.includes('execution reverted: empty deposit'),
        `cast ${command} of a deposit of nothing: expected "execution reverted: empty deposit", got exit ${empty.code}: ${empty.stderr}`)
    }
  })

  await step('send rejected: insufficient funds, nonce too low (geth messages)', async () => {
    const unfundedKey = '0x' + randomBytes(32).toString('hex')
    const poor = await castResult('send', '--private-key', unfundedKey, me, '--value', '1')
    check(poor.code !== 0 && poor.stderr.includes('insufficient funds'),
      `send from an unfunded account: expected "insufficient funds", got exit ${poor.code}: ${poor.stderr}`)
    const used = (BigInt(await cast('nonce', me)) - 1n).toString()
    const stale = await castResult('send', '--private-key', opts.key, '--nonce', used, '--gas-limit', '21000', me, '--value', '1')
    check(stale.code !== 0 && stale.stderr.includes('nonce too low'),
      `send with a used nonce: expected "nonce too low", got exit ${stale.code}: ${stale.stderr}`)
  })
})
