// viem 2 against the node, as a dapp would use it: a custom chain (id 1337) with public and wallet
// clients over HTTP and WebSocket, fees, transfers, a contract deployed, read, simulated and
// written, revert decoding, logs and contract events, block and event watchers over WebSocket, and
// an EIP-7702 delegation signed by viem.
// (multicall needs a Multicall3 deployment, which the devnet genesis has not: not exercised.)
// usage: node viem-flow.mjs --rpc URL --ws URL --key 0x<funded dev key>
import {
  BaseError, ContractFunctionRevertedError, InsufficientFundsError, NonceTooLowError, createPublicClient,
  createWalletClient, defineChain, getContractAddress, http, parseAbiItem, parseEventLogs, webSocket,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { CHAIN_ID, Traffic, check, eq, options, piggyBank, rejection, run, step, within } from './common.mjs'

const opts = options()
const traffic = new Traffic()
const devnet = defineChain({
  id: CHAIN_ID,
  name: 'native-rollups devnet',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [opts.rpc], webSocket: [opts.ws] } },
})
const transport = http(opts.rpc, {
  onFetchRequest: async (request) => traffic.record('->', await request.clone().text()),
  onFetchResponse: async (response) => traffic.record('<-', await response.clone().text()),
})
// 200 ms instead of viem's 4 s: the node seals a block as soon as a transaction arrives.
const client = createPublicClient({ chain: devnet, transport, pollingInterval: 200 })
const account = privateKeyToAccount(opts.key)
const wallet = createWalletClient({ account, chain: devnet, transport, pollingInterval: 200 })
const abi = piggyBank.abi
const depositedEvent = parseAbiItem('event Deposited(address indexed from, uint256 amount, uint256 total)')

/** Mines `hash` and returns its receipt, failing unless it succeeded. */
async function mined(hash) {
  const receipt = await client.waitForTransactionReceipt({ hash, timeout: 30_000 })
  eq(receipt.status, 'success', `status of ${hash}`)
  return receipt
}

/** The error of class `type` that viem found under `error` (a ContractFunctionExecutionError or the like). */
function cause(error, type) {
  check(error instanceof BaseError, `a viem error, got ${error}`)
  const found = error.walk((e) => e instanceof type)
  check(found, `no ${type.name} under: ${error.shortMessage}`)
  return found
}

const revertOf = (error) => cause(error, ContractFunctionRevertedError)

const fee = (receipt) => receipt.gasUsed * receipt.effectiveGasPrice

await run('viem', traffic, async () => {
  await step('getChainId, getBlockNumber, getBlock (latest, by number, by hash)', async () => {
    eq(await client.getChainId(), CHAIN_ID, 'getChainId')
    const latest = await client.getBlock()
    eq(await client.getBlockNumber({ cacheTime: 0 }), latest.number, 'getBlockNumber')
    eq((await client.getBlock({ blockNumber: latest.number })).hash, latest.hash, 'block by number')
    eq((await client.getBlock({ blockHash: latest.hash })).number, latest.number, 'block by hash')
  })

  await step('estimateFeesPerGas: maxFeePerGas = 1.2 * base fee + eth_maxPriorityFeePerGas', async () => {
    const [fees, latest, priority] = [await client.estimateFeesPerGas(), await client.getBlock(), await client.estimateMaxPriorityFeePerGas()]
    eq(fees.maxPriorityFeePerGas, priority, 'maxPriorityFeePerGas')
    eq(fees.maxFeePerGas, (latest.baseFeePerGas * 12n) / 10n + priority, 'maxFeePerGas')
    const legacy = await client.estimateFeesPerGas({ type: 'legacy' })
    eq(legacy.gasPrice, ((await client.getGasPrice()) * 12n) / 10n, 'legacy gasPrice')
  })

  const recipient = privateKeyToAccount(generatePrivateKey()).address
  let transfer
  await step('sendTransaction (eip1559) + waitForTransactionReceipt: exact balances, getTransaction', async () => {
    const [before, nonce] = [await client.getBalance({ address: account.address }), await client.getTransactionCount({ address: account.address })]
    const hash = await wallet.sendTransaction({ to: recipient, value: 777_000n })
    transfer = await mined(hash)
    eq(transfer.type, 'eip1559', 'receipt.type')
    eq(transfer.gasUsed, 21_000n, 'gas used by a plain transfer')
    eq(await client.getBalance({ address: recipient }), 777_000n, 'recipient balance')
    eq(await client.getBalance({ address: account.address }), before - 777_000n - fee(transfer), 'sender balance')
    const tx = await client.getTransaction({ hash })
    eq([tx.from, tx.to, tx.value, tx.nonce, tx.type, tx.chainId], [account.address.toLowerCase(), recipient.toLowerCase(), 777_000n, nonce, 'eip1559', CHAIN_ID], 'getTransaction: from, to, value, nonce, type, chainId')
    eq(tx.blockHash, transfer.blockHash, 'getTransaction: blockHash')
    eq((await client.getTransactionReceipt({ hash })).transactionIndex, 0, 'getTransactionReceipt: index')
  })

  await step('sendTransaction (legacy)', async () => {
    const before = await client.getBalance({ address: account.address })
    const receipt = await mined(await wallet.sendTransaction({ type: 'legacy', to: recipient, value: 23_000n }))
    eq(receipt.type, 'legacy', 'receipt.type')
    eq(await client.getBalance({ address: recipient }), 800_000n, 'recipient balance')
    eq(await client.getBalance({ address: account.address }), before - 23_000n - fee(receipt), 'sender balance')
  })

  let bank, deployBlock
  await step('deployContract: PiggyBank at the CREATE address', async () => {
    const nonce = await client.getTransactionCount({ address: account.address })
    const receipt = await mined(await wallet.deployContract({ abi, bytecode: piggyBank.bytecode, args: ['viem piggy'] }))
    bank = receipt.contractAddress
    eq(bank, getContractAddress({ from: account.address, nonce: BigInt(nonce) }), 'contractAddress')
    deployBlock = receipt.blockNumber
    eq((await client.getCode({ address: bank })).length, piggyBank.deployedBytecode.length, 'runtime code length')
  })

  await step('readContract: name, owner, total', async () => {
    eq(await client.readContract({ address: bank, abi, functionName: 'name' }), 'viem piggy', 'name()')
    eq(await client.readContract({ address: bank, abi, functionName: 'owner' }), account.address, 'owner()')
    eq(await client.readContract({ address: bank, abi, functionName: 'total' }), 0n, 'total()')
  })

  const deposits = []
  await step('simulateContract + writeContract: deposit, Deposited parsed from the receipt', async () => {
    for (const amount of [4_000n, 1_000n]) {
      const { request } = await client.simulateContract({ account, address: bank, abi, functionName: 'deposit', value: amount })
      const receipt = await mined(await wallet.writeContract(request))
      const events = parseEventLogs({ abi, logs: receipt.logs })
      eq(events.map((e) => e.eventName), ['Deposited'], 'events in the receipt')
      eq(events[0].args.from, account.address, 'Deposited.from')
      eq(events[0].args.amount, amount, 'Deposited.amount')
      deposits.push({ receipt, total: events[0].args.total })
    }
    eq(deposits.map((d) => d.total), [4_000n, 5_000n], 'Deposited.total of both deposits')
    eq(await client.readContract({ address: bank, abi, functionName: 'deposits', args: [account.address] }), 5_000n, 'deposits(account)')
    eq(await client.getBalance({ address: bank }), 5_000n, 'contract balance')
  })

  const stranger = privateKeyToAccount(generatePrivateKey()).address
  await step('simulateContract / estimateContractGas revert: the custom error and its arguments', async () => {
    const call = { account: stranger, address: bank, abi, functionName: 'withdraw', args: [1n] }
    for (const [how, attempt] of [['simulateContract', () => client.simulateContract(call)], ['estimateContractGas', () => client.estimateContractGas(call)]]) {
      const revert = revertOf(await rejection(attempt(), `${how} withdraw by a stranger`))
      eq(revert.data?.errorName, 'NotOwner', `${how}: error name`)
      eq(revert.data?.args, [stranger, account.address], `${how}: NotOwner(caller, owner)`)
    }
  })

  await step('simulateContract revert: the require string', async () => {
    const revert = revertOf(await rejection(
      client.simulateContract({ account, address: bank, abi, functionName: 'deposit', value: 0n }), 'simulate a deposit of nothing'))
    eq(revert.reason, 'empty deposit', 'revert reason')
  })

  await step('getLogs and getContractEvents over the deposit blocks', async () => {
    const range = { fromBlock: deployBlock, toBlock: deposits[1].receipt.blockNumber }
    const logs = await client.getLogs({ address: bank, event: depositedEvent, args: { from: account.address }, ...range })
    eq(logs.map((l) => l.args.amount), [4_000n, 1_000n], 'getLogs: amounts')
    eq(logs.map((l) => l.transactionHash), deposits.map((d) => d.receipt.transactionHash), 'getLogs: transactions')
    eq(logs.map((l) => l.logIndex), [0, 0], 'getLogs: log index in the block')
    const events = await client.getContractEvents({ address: bank, abi, eventName: 'Deposited', ...range })
    eq(events.map((e) => e.args.total), [4_000n, 5_000n], 'getContractEvents: totals')
    eq((await client.getContractEvents({ address: bank, abi, eventName: 'Deposited', args: { from: stranger }, ...range })).length, 0,
      'getContractEvents of a stranger')
  })

  await step('simulateCalls (eth_simulateV1): a deposit and a stranger\'s withdraw, with asset changes, and no state change', async () => {
    const { results, assetChanges } = await client.simulateCalls({
      account: account.address,
      traceAssetChanges: true,
      calls: [
        { to: bank, abi, functionName: 'deposit', value: 700n },
        { to: bank, abi, functionName: 'total' },
      ],
    })
    eq(results.map((r) => r.status), ['success', 'success'], 'status of the simulated calls')
    eq(results[1].result, 5_700n, 'total() after the simulated deposit, in the same simulated block')
    eq(parseEventLogs({ abi, logs: results[0].logs }).map((e) => [e.eventName, e.args.amount, e.args.total]), [['Deposited', 700n, 5_700n]],
      'log of the simulated deposit')
    const eth = assetChanges.find((c) => c.token.symbol === 'ETH')
    eq(eth?.value.diff, -700n, 'ETH asset change of the simulated deposit (calls pay no gas)')
    const [refused] = (await client.simulateCalls({
      account: stranger, calls: [{ to: bank, abi, functionName: 'withdraw', args: [1n] }] })).results
    eq(refused.status, 'failure', "status of the stranger's simulated withdraw")
    const revert = revertOf(refused.error)
    eq([revert.data?.errorName, revert.data?.args], ['NotOwner', [stranger, account.address]], 'simulated revert: NotOwner(caller, owner)')
    eq(await client.readContract({ address: bank, abi, functionName: 'total' }), 5_000n, 'total() on chain, untouched by the simulation')
  })

  await step('sendTransactionSync (eth_sendRawTransactionSync, EIP-7966): the receipt comes with the answer', async () => {
    const before = await client.getBalance({ address: recipient })
    const receipt = await wallet.sendTransactionSync({ to: recipient, value: 1_234n })
    eq([receipt.status, receipt.type], ['success', 'eip1559'], 'receipt status and type')
    eq((await client.getTransactionReceipt({ hash: receipt.transactionHash })).blockHash, receipt.blockHash, 'the same receipt from eth_getTransactionReceipt')
    eq(await client.getBalance({ address: recipient }), before + 1_234n, 'recipient balance')
  })

  await step('webSocket transport: watchBlockNumber, watchContractEvent and watchPendingTransactions see a deposit sent over WebSocket', async () => {
    const wsTransport = webSocket(opts.ws)
    const wsClient = createPublicClient({ chain: devnet, transport: wsTransport })
    const wsWallet = createWalletClient({ account, chain: devnet, transport: wsTransport })
    eq(await wsClient.getChainId(), CHAIN_ID, 'getChainId over WebSocket')
    const blocks = []
    let blockSeen, eventSeen
    const blockHeard = new Promise((resolve) => { blockSeen = resolve })
    const eventHeard = new Promise((resolve) => { eventSeen = resolve })
    const onError = (e) => traffic.record('!!', `watcher error: ${e?.message ?? e}`)
    const stopBlocks = wsClient.watchBlockNumber({ onBlockNumber: (n) => { blocks.push(n); blockSeen() }, onError })
    const stopEvents = wsClient.watchContractEvent({ address: bank, abi, eventName: 'Deposited', onLogs: (logs) => eventSeen(logs), onError })
    const pending = []
    const stopPending = wsClient.watchPendingTransactions({ onTransactions: (hashes) => pending.push(...hashes), onError })
    // A round trip on the shared socket after the eth_subscribe requests: the node has them registered.
    await new Promise((resolve) => setImmediate(resolve))
    await wsClient.request({ method: 'eth_blockNumber' })
    const { request } = await wsClient.simulateContract({ account, address: bank, abi, functionName: 'deposit', value: 600n })
    const hash = await wsWallet.writeContract(request)
    const receipt = await wsClient.waitForTransactionReceipt({ hash, timeout: 30_000 })
    const logs = await within(30_000, eventHeard, 'watchContractEvent')
    eq(logs.map((l) => [l.args.from, l.args.amount, l.args.total, l.transactionHash]), [[account.address, 600n, 5_600n, hash]],
      'watchContractEvent: Deposited(from, amount, total) and transaction')
    await within(30_000, blockHeard, 'watchBlockNumber')
    check(blocks.includes(receipt.blockNumber), `watchBlockNumber heard ${blocks}, not the deposit's block ${receipt.blockNumber}`)
    check(pending.includes(hash), `watchPendingTransactions heard ${pending}, not the deposit ${hash}`)
    stopBlocks()
    stopEvents()
    stopPending()
  })

  await step("rejected transactions surface as viem's error classes (the node's messages are geth's)", async () => {
    const unfunded = createWalletClient({ account: privateKeyToAccount(generatePrivateKey()), chain: devnet, transport })
    for (const value of [1n, 0n]) {
      cause(await rejection(unfunded.sendTransaction({ to: account.address, value }), `send of ${value} wei from an unfunded account`),
        InsufficientFundsError)
    }
    const nonce = await client.getTransactionCount({ address: account.address })
    cause(await rejection(wallet.sendTransaction({ to: recipient, value: 1n, nonce: nonce - 1 }), 'send with a used nonce'), NonceTooLowError)
  })

  await step('signAuthorization + writeContract to itself: the account runs PiggyBank on its own storage (EIP-7702)', async () => {
    // Last use of this account in the flow: from here on it carries a delegation indicator.
    const authorization = await wallet.signAuthorization({ contractAddress: bank, executor: 'self' })
    const receipt = await mined(await wallet.writeContract({
      address: account.address, abi, functionName: 'deposit', value: 10n, authorizationList: [authorization] }))
    eq(receipt.type, 'eip7702', 'receipt.type')
    eq(await client.getCode({ address: account.address }), '0xef0100' + bank.slice(2).toLowerCase(), 'delegation indicator')
    const [event] = parseEventLogs({ abi, logs: receipt.logs })
    eq([event.address, event.args.from, event.args.amount, event.args.total], [account.address.toLowerCase(), account.address, 10n, 10n],
      'Deposited by the delegated account, with a total kept in its own storage')
    eq(await client.readContract({ address: account.address, abi, functionName: 'owner' }), account.address,
      'owner() through the delegation (an immutable in the code)')
    eq(await client.readContract({ address: bank, abi, functionName: 'total' }), 5_600n, "the contract's own total is untouched")
  })
})
