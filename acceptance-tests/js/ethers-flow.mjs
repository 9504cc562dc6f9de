// ethers v6 against the node, as a dapp would use it: network and fees, transfers of type 2 and
// legacy, a contract deployed with ContractFactory, reads, writes, event logs, revert decoding,
// queryFilter, blocks and transactions, listeners over WebSocket and HTTP, an EIP-7702 delegation,
// and the pool's rejections as ethers' error codes.
// usage: node ethers-flow.mjs --rpc URL --ws URL --key 0x<funded dev key>
import {
  Contract, ContractFactory, JsonRpcProvider, VoidSigner, Wallet, WebSocketProvider, ZeroAddress, getCreateAddress,
} from 'ethers'
import { CHAIN_ID, Traffic, check, eq, options, piggyBank, rejection, run, step, within } from './common.mjs'

const opts = options()
const traffic = new Traffic()
// cacheTimeout -1: ethers otherwise answers an identical request made within 250 ms from its cache,
// and this flow reads balances right before and right after a block is sealed. Polling every 250 ms
// instead of 4 s: the node seals a block as soon as a transaction arrives.
const provider = new JsonRpcProvider(opts.rpc, undefined, { cacheTimeout: -1, pollingInterval: 250 })
provider.on('debug', (e) => {
  if (e.action === 'sendRpcPayload') traffic.record('->', e.payload)
  else if (e.action === 'receiveRpcResult') traffic.record('<-', e.result)
  else if (e.action === 'receiveRpcError') traffic.record('<-', e.error)
})
const wallet = new Wallet(opts.key, provider)

/** What the sender paid for a mined transaction: gas used times the effective gas price. */
const fee = (receipt) => receipt.gasUsed * receipt.gasPrice

await run('ethers', traffic, async () => {
  await step('getNetwork: chain id 1337', async () => {
    eq((await provider.getNetwork()).chainId, BigInt(CHAIN_ID), 'chainId')
  })

  await step('getFeeData: maxFeePerGas = 2 * base fee + priority fee', async () => {
    const [fees, latest] = [await provider.getFeeData(), await provider.getBlock('latest')]
    check(fees.gasPrice > 0n && fees.maxPriorityFeePerGas > 0n, `gas price and priority fee are positive: ${fees.gasPrice}, ${fees.maxPriorityFeePerGas}`)
    eq(fees.maxFeePerGas, latest.baseFeePerGas * 2n + fees.maxPriorityFeePerGas, 'maxFeePerGas')
  })

  const recipient = Wallet.createRandom().address
  let transfer
  await step('sendTransaction (type 2) + wait: the value arrives, the sender pays value + gas', async () => {
    const [before, nonce] = [await provider.getBalance(wallet.address), await provider.getTransactionCount(wallet.address)]
    eq(await provider.getBalance(recipient), 0n, 'fresh recipient balance')
    const tx = await wallet.sendTransaction({ to: recipient, value: 1_234_567n })
    eq(tx.type, 2, 'tx.type')
    eq(tx.nonce, nonce, 'tx.nonce')
    transfer = await tx.wait()
    eq(transfer.status, 1, 'receipt.status')
    eq(transfer.type, 2, 'receipt.type')
    eq(transfer.gasUsed, 21_000n, 'gas used by a plain transfer')
    eq(await provider.getBalance(recipient), 1_234_567n, 'recipient balance')
    eq(await provider.getBalance(wallet.address), before - 1_234_567n - fee(transfer), 'sender balance')
    eq(await provider.getTransactionCount(wallet.address), nonce + 1, 'sender nonce')
    eq(await provider.getBlockNumber(), transfer.blockNumber, 'getBlockNumber after the sealed transfer')
  })

  await step('sendTransaction (legacy, type 0) + wait', async () => {
    const before = await provider.getBalance(wallet.address)
    const tx = await wallet.sendTransaction({ type: 0, to: recipient, value: 1_000n })
    eq(tx.type, 0, 'tx.type')
    check(tx.gasPrice > 0n && tx.maxFeePerGas === null, `a legacy transaction has a gas price only: ${tx.gasPrice}, ${tx.maxFeePerGas}`)
    const receipt = await tx.wait()
    eq(receipt.type, 0, 'receipt.type')
    eq(receipt.gasPrice, tx.gasPrice, 'effective gas price of a legacy transaction')
    eq(await provider.getBalance(recipient), 1_235_567n, 'recipient balance')
    eq(await provider.getBalance(wallet.address), before - 1_000n - fee(receipt), 'sender balance')
  })

  await step('getTransaction / getTransactionReceipt of the type-2 transfer', async () => {
    const tx = await provider.getTransaction(transfer.hash)
    eq(tx.hash, transfer.hash, 'hash')
    eq(tx.from, wallet.address, 'from')
    eq(tx.to, recipient, 'to')
    eq(tx.value, 1_234_567n, 'value')
    eq(tx.blockNumber, transfer.blockNumber, 'blockNumber')
    eq(tx.blockHash, transfer.blockHash, 'blockHash')
    eq(tx.chainId, BigInt(CHAIN_ID), 'chainId')
    const receipt = await provider.getTransactionReceipt(transfer.hash)
    eq(receipt.blockHash, transfer.blockHash, 'receipt.blockHash')
    eq(receipt.cumulativeGasUsed, 21_000n, 'cumulativeGasUsed (alone in its block)')
    eq(receipt.index, 0, 'transaction index')
    eq(await receipt.confirmations(), 2, 'confirmations (the legacy transfer sealed one more block)')
  })

  let bank, deployBlock
  await step('ContractFactory.deploy + waitForDeployment: PiggyBank at the CREATE address', async () => {
    const nonce = await provider.getTransactionCount(wallet.address)
    const factory = new ContractFactory(piggyBank.abi, piggyBank.bytecode, wallet)
    bank = await factory.deploy('ethers piggy')
    await bank.waitForDeployment()
    const address = await bank.getAddress()
    eq(address, getCreateAddress({ from: wallet.address, nonce }), 'contract address')
    const receipt = await bank.deploymentTransaction().wait()
    eq(receipt.contractAddress, address, 'receipt.contractAddress')
    deployBlock = receipt.blockNumber
    const code = await provider.getCode(address)
    eq(code.length, piggyBank.deployedBytecode.length, 'runtime code length')
  })

  await step('contract reads: name, owner, total', async () => {
    eq(await bank.name(), 'ethers piggy', 'name()')
    eq(await bank.owner(), wallet.address, 'owner()')
    eq(await bank.total(), 0n, 'total()')
  })

  const deposits = []
  await step('contract write: deposit() with value, Deposited parsed from the receipt', async () => {
    for (const amount of [5_000n, 2_500n]) {
      const receipt = await (await bank.deposit({ value: amount })).wait()
      eq(receipt.status, 1, 'status')
      eq(receipt.logs.length, 1, 'logs in the receipt')
      const event = bank.interface.parseLog(receipt.logs[0])
      eq(event.name, 'Deposited', 'event name')
      eq(event.args.from, wallet.address, 'Deposited.from')
      eq(event.args.amount, amount, 'Deposited.amount')
      eq(receipt.logs[0].fragment?.name, 'Deposited', 'EventLog fragment of a ContractTransactionReceipt')
      deposits.push({ receipt, amount, total: event.args.total })
    }
    eq(deposits.map((d) => d.total), [5_000n, 7_500n], 'Deposited.total of both deposits')
    eq(await bank.total(), 7_500n, 'total()')
    eq(await bank.deposits(wallet.address), 7_500n, 'deposits(wallet)')
    eq(await provider.getBalance(await bank.getAddress()), 7_500n, 'contract balance')
  })

  const stranger = new VoidSigner(Wallet.createRandom().address, provider)
  await step('revert with a custom error: decoded by the contract from a call, by its interface from estimateGas', async () => {
    const asStranger = bank.connect(stranger)
    const expected = [stranger.address, wallet.address]
    const called = await rejection(asStranger.withdraw.staticCall(1n), 'staticCall withdraw by a stranger')
    eq(called.code, 'CALL_EXCEPTION', 'staticCall: error code')
    eq(called.revert?.name, 'NotOwner', 'staticCall: decoded custom error')
    eq([...(called.revert?.args ?? [])], expected, 'staticCall: NotOwner(caller, owner)')
    // estimateGas has no ABI at hand: ethers hands over the revert data for the dapp to decode.
    const estimated = await rejection(asStranger.withdraw.estimateGas(1n), 'estimateGas withdraw by a stranger')
    eq(estimated.code, 'CALL_EXCEPTION', 'estimateGas: error code')
    const decoded = bank.interface.parseError(estimated.data)
    eq(decoded?.name, 'NotOwner', 'estimateGas: custom error parsed from the revert data')
    eq([...(decoded?.args ?? [])], expected, 'estimateGas: NotOwner(caller, owner)')
  })

  await step('revert with a require string, decoded from estimateGas and from a call', async () => {
    for (const [how, attempt] of [['estimateGas', () => bank.deposit.estimateGas({ value: 0n })], ['staticCall', () => bank.deposit.staticCall({ value: 0n })]]) {
      const e = await rejection(attempt(), `${how} deposit of nothing`)
      eq(e.code, 'CALL_EXCEPTION', `${how}: error code`)
      eq(e.reason, 'empty deposit', `${how}: revert reason`)
      eq(e.revert?.signature, 'Error(string)', `${how}: revert signature`)
    }
  })

  await step('a transaction that reverts on chain: wait() rejects with its status-0 receipt', async () => {
    const tx = await bank.withdraw(1_000_000n, { gasLimit: 100_000n })
    const e = await rejection(tx.wait(), 'wait() for a failing withdraw')
    eq(e.code, 'CALL_EXCEPTION', 'error code')
    eq(e.receipt?.status, 0, 'receipt.status')
    eq(e.receipt?.hash, tx.hash, 'receipt.hash')
  })

  await step('withdraw by the owner: the owner gets the amount back minus the fee', async () => {
    const before = await provider.getBalance(wallet.address)
    const receipt = await (await bank.withdraw(2_000n)).wait()
    eq(await provider.getBalance(wallet.address), before + 2_000n - fee(receipt), 'owner balance')
    eq(await provider.getBalance(await bank.getAddress()), 5_500n, 'contract balance')
    eq(await bank.total(), 5_500n, 'total()')
  })

  await step('queryFilter over a block range, by event and indexed sender', async () => {
    const last = deposits[1].receipt.blockNumber
    const events = await bank.queryFilter(bank.filters.Deposited(wallet.address), deployBlock, last)
    eq(events.map((e) => e.args.amount), [5_000n, 2_500n], 'amounts of the queried events')
    eq(events.map((e) => e.transactionHash), deposits.map((d) => d.receipt.hash), 'transactions of the queried events')
    eq(events.map((e) => e.blockNumber), deposits.map((d) => d.receipt.blockNumber), 'blocks of the queried events')
    eq((await bank.queryFilter(bank.filters.Deposited(stranger.address), deployBlock, last)).length, 0, 'events of a stranger')
    eq((await bank.queryFilter(bank.filters.Deposited(), last, last)).length, 1, 'events in the last deposit block only')
  })

  await step("getBlock('latest'), by number and hash, with transactions; getBlock('pending')", async () => {
    const latest = await provider.getBlock('latest', true)
    eq(latest.number, await provider.getBlockNumber(), 'latest block number')
    eq((await provider.getBlock(latest.number)).hash, latest.hash, 'block by number')
    eq((await provider.getBlock(latest.hash)).number, latest.number, 'block by hash')
    eq(latest.prefetchedTransactions.length, 1, 'transactions in the latest block')
    eq(latest.prefetchedTransactions[0].from, wallet.address, 'sender of the latest transaction')
    const parent = await provider.getBlock(latest.parentHash)
    eq(parent.number, latest.number - 1, 'parent number')
    // Dev mode with an empty pool: the pending block is an empty child of the head, not yet sealed (no hash, as geth).
    const pending = await provider.getBlock('pending')
    eq([pending?.number, pending?.parentHash, pending?.hash, pending?.transactions.length], [latest.number + 1, latest.hash, null, 0],
      'pending block: number, parent, hash, transactions')
  })

  await step('WebSocketProvider: block, Deposited and pending listeners see the next deposit', async () => {
    // Left open: the flow's exit closes it, after ethers has sent the eth_unsubscribe requests it queues.
    const ws = new WebSocketProvider(opts.ws)
    eq((await ws.getNetwork()).chainId, BigInt(CHAIN_ID), 'chainId over WebSocket')
    const wsBank = new Contract(await bank.getAddress(), piggyBank.abi, ws)
    const blocks = []
    let blockSeen, eventSeen
    const blockHeard = new Promise((resolve) => { blockSeen = resolve })
    const eventHeard = new Promise((resolve) => { eventSeen = resolve })
    await ws.on('block', (n) => { blocks.push(n); blockSeen() })
    await wsBank.on('Deposited', (from, amount, total, payload) => eventSeen({ from, amount, total, log: payload.log }))
    const pendingHashes = []
    await ws.on('pending', (hash) => pendingHashes.push(hash))
    // A request queued after the subscribe requests (send: never served from ethers' cache) on the same
    // socket: once answered, the node has them registered.
    await ws.send('eth_blockNumber', [])
    const receipt = await (await bank.deposit({ value: 300n })).wait()
    const heard = await within(30_000, eventHeard, 'Deposited listener')
    eq(heard.from, wallet.address, 'listener: Deposited.from')
    eq(heard.amount, 300n, 'listener: Deposited.amount')
    eq(heard.total, 5_800n, 'listener: Deposited.total')
    eq(heard.log.transactionHash, receipt.hash, 'listener: transaction hash')
    await within(30_000, blockHeard, 'block listener')
    check(blocks.includes(receipt.blockNumber), `block listener heard ${blocks}, not the deposit's block ${receipt.blockNumber}`)
    check(pendingHashes.includes(receipt.hash), `pending listener heard ${pendingHashes}, not the deposit ${receipt.hash}`)
    await wsBank.removeAllListeners()
    await ws.removeAllListeners()
  })

  await step('JsonRpcProvider (HTTP) block and Deposited listeners see the next deposit', async () => {
    // ethers asks for eth_newFilter and polls eth_getFilterChanges; a node without filters answers
    // -32601 and ethers falls back to eth_getLogs per new block: either way the event arrives.
    let blockSeen, eventSeen
    const blocks = []
    const blockHeard = new Promise((resolve) => { blockSeen = resolve })
    const eventHeard = new Promise((resolve) => { eventSeen = resolve })
    const onBlock = (n) => { blocks.push(n); blockSeen() }
    await provider.on('block', onBlock)
    await bank.on('Deposited', (from, amount, total, payload) => eventSeen({ from, amount, total, log: payload.log }))
    const receipt = await (await bank.deposit({ value: 200n })).wait()
    const heard = await within(30_000, eventHeard, 'Deposited listener over HTTP')
    eq([heard.from, heard.amount, heard.total, heard.log.transactionHash], [wallet.address, 200n, 6_000n, receipt.hash],
      'listener: Deposited(from, amount, total) and transaction')
    await within(30_000, blockHeard, 'block listener over HTTP')
    await within(30_000, (async () => { while (!blocks.includes(receipt.blockNumber)) await new Promise((r) => setTimeout(r, 100)) })(),
      `block listener hearing the deposit's block ${receipt.blockNumber} (heard ${blocks})`)
    await bank.removeAllListeners()
    await provider.off('block', onBlock)
  })

  await step('Wallet.authorize + type-4 transactions: deposit as PiggyBank on its own storage, then clear the delegation (EIP-7702)', async () => {
    const address = await bank.getAddress()
    // The authorization is applied before the call: the first transaction already runs PiggyBank's deposit().
    const delegate = async (target, call) => {
      const authorization = await wallet.authorize({ address: target, nonce: (await wallet.getNonce()) + 1 })
      const receipt = await (await wallet.sendTransaction({ type: 4, to: wallet.address, authorizationList: [authorization], ...call })).wait()
      eq([receipt.status, receipt.type], [1, 4], `status and type of the delegation to ${target}`)
      return receipt
    }
    const receipt = await delegate(address, { data: bank.interface.encodeFunctionData('deposit'), value: 5n })
    eq(await provider.getCode(wallet.address), '0xef0100' + address.slice(2).toLowerCase(), 'delegation indicator')
    eq((await provider.getTransaction(receipt.hash)).authorizationList?.map((a) => a.address), [address], 'authorizationList served back')
    const event = bank.interface.parseLog(receipt.logs[0])
    eq([receipt.logs[0].address, event?.name, event?.args.amount, event?.args.total], [wallet.address, 'Deposited', 5n, 5n],
      'Deposited by the delegated account, with a total kept in its own storage')
    eq(await new Contract(wallet.address, piggyBank.abi, provider).owner(), wallet.address, 'owner() through the delegation')
    await delegate(ZeroAddress, {})
    eq(await provider.getCode(wallet.address), '0x', 'code after delegating to the zero address')
  })

  await step("rejected transactions surface as ethers' error codes (the node's messages are geth's)", async () => {
    const unfunded = Wallet.createRandom().connect(provider)
    // estimated with some value, estimated with none (eth_estimateGas with fees, nothing to pay them
    // with), and a fixed gas limit (no estimate: the pool refuses it)
    for (const [how, tx] of [['estimated', { value: 1n }], ['estimated, no value', { value: 0n }], ['fixed gas', { value: 1n, gasLimit: 21_000n }]]) {
      const e = await rejection(unfunded.sendTransaction({ to: wallet.address, ...tx }), `send from an unfunded account (${how})`)
      eq(e.code, 'INSUFFICIENT_FUNDS', `send from an unfunded account (${how}): error code`)
    }
    const nonce = await provider.getTransactionCount(wallet.address)
    const used = await rejection(wallet.sendTransaction({ to: recipient, value: 1n, nonce: nonce - 1 }), 'send with a used nonce')
    eq(used.code, 'NONCE_EXPIRED', 'send with a used nonce: error code')
    // Last transactions of this account: a nonce gap keeps this one queued, and the same fees cannot replace it.
    const fees = { maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n, gasLimit: 21_000n }
    await wallet.sendTransaction({ to: recipient, value: 1n, nonce: nonce + 1, ...fees })
    const underpriced = await rejection(wallet.sendTransaction({ to: recipient, value: 2n, nonce: nonce + 1, ...fees }), 'replacement at the same fees')
    eq(underpriced.code, 'REPLACEMENT_UNDERPRICED', 'replacement at the same fees: error code')
    eq(await provider.getTransactionCount(wallet.address, 'pending'), nonce, 'pending nonce (a queued transaction behind a gap does not count)')
  })
})
