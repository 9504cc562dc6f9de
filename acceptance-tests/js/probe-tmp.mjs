import { createPublicClient, createWalletClient, http, webSocket, defineChain, parseEther, encodeFunctionData } from 'viem'
import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts'
import { JsonRpcProvider, WebSocketProvider, Wallet } from 'ethers'
import { piggyBank } from './common.mjs'
const [rpc, ws] = process.argv.slice(2)
const chain = defineChain({ id: 1337, name: 'd', nativeCurrency: { name: 'E', symbol: 'E', decimals: 18 }, rpcUrls: { default: { http: [rpc], webSocket: [ws] } } })
const c = createPublicClient({ chain, transport: http(), pollingInterval: 200 })
const acct = privateKeyToAccount('0x3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de')
const w = createWalletClient({ account: acct, chain, transport: http() })
async function t(name, f) { try { const r = await f(); console.log('OK  ', name, JSON.stringify(r, (_, x) => typeof x === 'bigint' ? x.toString() : x)?.slice(0, 400)) } catch (err) { console.log('ERR ', name, (err.shortMessage ?? err.message).slice(0, 200), '|', (err.details ?? JSON.stringify(err.info?.error ?? '')).slice(0, 300)) } }
const other = privateKeyToAccount(generatePrivateKey()).address
await t('simulateCalls', () => c.simulateCalls({ account: acct.address, calls: [{ to: other, value: parseEther('1') }, { to: other, value: 5n }], traceAssetChanges: false }))
await t('simulateCalls assetChanges', async () => (await c.simulateCalls({ account: acct.address, calls: [{ to: other, value: parseEther('1') }], traceAssetChanges: true })).assetChanges)
await t('simulateBlocks', () => c.simulateBlocks({ blocks: [{ calls: [{ account: acct.address, to: other, value: 1n }] }] }))
await t('sendTransactionSync', async () => { const r = await w.sendTransactionSync({ to: other, value: 3n }); return [r.status, r.blockNumber] })
await t('getAddresses', () => w.getAddresses())
await t('ethers listAccounts', () => new JsonRpcProvider(rpc).listAccounts())
await t('pending block viem', async () => { const b = await c.getBlock({ blockTag: 'pending' }); return [b.number, b.hash] })
await t('ethers pending block', async () => { const b = await new JsonRpcProvider(rpc).getBlock('pending'); return [b.number, b.hash] })
await t('viem watchPendingTransactions ws', async () => {
  const wc = createPublicClient({ chain, transport: webSocket(ws) })
  let got; const p = new Promise(r => { got = r })
  const stop = wc.watchPendingTransactions({ onTransactions: (h) => got(h) })
  await wc.request({ method: 'eth_blockNumber' })
  const h = await w.sendTransaction({ to: other, value: 1n })
  const hs = await Promise.race([p, new Promise(r => setTimeout(() => r('timeout'), 5000))]); stop(); return [h, hs]
})
await t('viem watchPendingTransactions http', async () => {
  let got; const p = new Promise(r => { got = r })
  const stop = c.watchPendingTransactions({ onTransactions: (h) => got(h), pollingInterval: 100 })
  await new Promise(r => setTimeout(r, 500))
  const h = await w.sendTransaction({ to: other, value: 1n })
  const hs = await Promise.race([p, new Promise(r => setTimeout(() => r('timeout'), 5000))]); stop(); return [h, hs]
})
await t('ethers pending ws', async () => {
  const p = new WebSocketProvider(ws)
  let got; const pr = new Promise(r => { got = r })
  await p.on('pending', (h) => got(h))
  await p.send('eth_blockNumber', [])
  const h = await w.sendTransaction({ to: other, value: 1n })
  const hs = await Promise.race([pr, new Promise(r => setTimeout(() => r('timeout'), 5000))])
  await p.removeAllListeners(); await p.send('eth_blockNumber', []); await p.destroy(); return [h, hs]
})
await t('ethers pending http', async () => {
  const p = new JsonRpcProvider(rpc, undefined, { pollingInterval: 100 })
  let got; const pr = new Promise(r => { got = r })
  await p.on('pending', (h) => got(h))
  await new Promise(r => setTimeout(r, 500))
  const h = await w.sendTransaction({ to: other, value: 1n })
  const hs = await Promise.race([pr, new Promise(r => setTimeout(() => r('timeout'), 5000))])
  await p.removeAllListeners(); return [h, hs]
})
await t('eth_config', () => c.request({ method: 'eth_config' }))
process.exit(0)
