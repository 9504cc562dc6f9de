// Differential check of block processing against an independent client.
//
// ethereum/tests has blockchain fixtures for Cancun only. This builds short chains for Prague and
// Osaka with @ethereumjs/vm's block builder (system calls EIP-4788/2935/7002/7251, EIP-6110
// deposits, EIP-7685 requests hash, withdrawals, every transaction type, blob gas accounting) and
// writes them as ordinary blockchain-test files whose blocks, roots and final state root are what
// ethereumjs computed. `bin/evmtool block-test` then imports them like any other fixture.
//
// Networks: Prague, Osaka, CancunToPragueAtTime15k, PragueToOsakaAtTime15k, seven blocks each, with
// blob counts that move the excess blob gas through EIP-7918's reserve-price rule in Osaka.
//
// usage: node generate-blocks.mjs [--out DIR] [--specs DIR]   (default out: difftest/generated-blocks)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hardfork, Mainnet, createCustomCommon } from '@ethereumjs/common'
import { createVM, buildBlock } from '@ethereumjs/vm'
import { createBlock } from '@ethereumjs/block'
import { createTx } from '@ethereumjs/tx'
import {
  Account,
  createAddressFromString,
  createAddressFromPrivateKey,
  bytesToHex,
  hexToBytes,
  eoaCode7702SignAuthorization,
} from '@ethereumjs/util'
import { sha256 } from '@noble/hashes/sha2.js'
import { here, arg, specsDir, SENDER_KEY, SENDER, AUTH_KEY, COINBASE, HISTORY, CHAIN_ID, hex, pad32 } from './common.mjs'

const OUT = arg('--out', join(here, 'generated-blocks'))
const SPECS = specsDir()

// ---------------------------------------------------------------- actors (test keys only)
const RECIPIENT = '0x00000000000000000000000000000000000a11ce'
const STORE = '0x0000000000000000000000000000000000005707' // SSTORE(calldata[0], calldata[32]); LOG1
const DEPOSIT = '0x00000000219ab540356cbb839cbe05303d7705fa'
const BEACON_ROOTS = '0x000f3df6d732807ef1319fb7b8bb8522d0beac02'
const WITHDRAWALS = '0x00000961ef480eb55e80d19ad83579a64c007002'
const CONSOLIDATIONS = '0x0000bbddc7ce488642fb579f8b00f3a590007251'
const DEPOSIT_TOPIC = '649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5'
const GAS_LIMIT = 36_000_000n

// Runtime code of a system contract: the EIP's deployment input without its copying prefix.
function systemCode(eip, prefixBytes) {
  const text = readFileSync(join(SPECS, 'eips', 'EIPS', `eip-${eip}.md`), 'utf8')
  const input = text.match(/"input": "0x([0-9a-f]+)"/)[1]
  return '0x' + input.slice(prefixBytes * 2)
}

// CALLDATACOPY(0, 0, size); LOG1(0, size, DEPOSIT_TOPIC): emits the call data as a DepositEvent.
const DEPOSIT_CODE = '0x365f5f377f' + DEPOSIT_TOPIC + '365fa100'
// SSTORE(calldataload(0), calldataload(32)); LOG1(0, 0, calldataload(0))
const STORE_CODE = '0x6020355f35555f355f5fa100'

function depositEventData(i) {
  const fields = [
    [160, 'aa'.repeat(47) + i.toString(16).padStart(2, '0')],
    [256, '01' + 'bb'.repeat(31)],
    [320, '0000000000000001'.slice(0, 14) + (i + 1).toString(16).padStart(2, '0')],
    [384, 'cc'.repeat(96)],
    [512, i.toString(16).padStart(16, '0')],
  ]
  let head = ''
  for (const [offset] of fields) head += pad32(offset)
  let body = ''
  for (const [, data] of fields) {
    const len = data.length / 2
    body += pad32(len) + data.padEnd(Math.ceil(len / 32) * 64, '0')
  }
  return '0x' + head + body
}

function preAlloc() {
  const pre = {
    [SENDER]: { nonce: '0x00', balance: hex(10n ** 24n), code: '0x', storage: {} },
    [STORE]: { nonce: '0x01', balance: '0x00', code: STORE_CODE, storage: {} },
    [DEPOSIT]: { nonce: '0x01', balance: '0x00', code: DEPOSIT_CODE, storage: {} },
    [BEACON_ROOTS]: { nonce: '0x01', balance: '0x00', code: systemCode(4788, 9), storage: {} },
    [HISTORY]: { nonce: '0x01', balance: '0x00', code: systemCode(2935, 9), storage: {} },
    [WITHDRAWALS]: { nonce: '0x01', balance: '0x00', code: systemCode(7002, 45), storage: {} },
    [CONSOLIDATIONS]: { nonce: '0x01', balance: '0x00', code: systemCode(7251, 45), storage: {} },
  }
  return pre
}

async function loadPre(vm, pre) {
  const sm = vm.stateManager
  await sm.checkpoint()
  for (const [addr, a] of Object.entries(pre)) {
    const address = createAddressFromString(addr)
    await sm.putAccount(address, new Account(BigInt(a.nonce), BigInt(a.balance)))
    if (a.code !== '0x') await sm.putCode(address, hexToBytes(a.code))
  }
  await sm.commit()
  await sm.flush?.()
}

// Blobs in block n: from below to above the target, so that the excess blob gas moves.
const BLOB_COUNTS = [3, 9, 9, 8, 9, 2, 7]

// The transactions of block n (1-based) under `hardfork`; nonces continue from `nonce`.
function transactions(common, hardfork, n, nonce, authNonce) {
  const prague = hardfork !== Hardfork.Cancun
  const fee = { maxFeePerGas: 100_000_000_000n, maxPriorityFeePerGas: 3n }
  const txs = []
  const sign = (data) => createTx({ chainId: CHAIN_ID, nonce: nonce++, ...data }, { common }).sign(SENDER_KEY)
  txs.push(sign({ type: 2, ...fee, gasLimit: 21_000n, to: RECIPIENT, value: 1000n + BigInt(n) }))
  txs.push(sign({ type: 0, gasPrice: 100_000_000_000n, gasLimit: 60_000n, to: STORE, data: '0x' + pad32(n) + pad32(n * 7) }))
  txs.push(sign({ type: 1, gasPrice: 100_000_000_000n, gasLimit: 80_000n, to: STORE,
    data: '0x' + pad32(100 + n) + pad32(1), accessList: [{ address: STORE, storageKeys: ['0x' + pad32(100 + n)] }] }))
  txs.push(sign({ type: 2, ...fee, gasLimit: 200_000n, to: DEPOSIT, data: depositEventData(n) }))
  // EIP-7002: 48-byte pubkey and 8-byte amount; EIP-7251: two 48-byte pubkeys; each pays the fee
  txs.push(sign({ type: 2, ...fee, gasLimit: 200_000n, to: WITHDRAWALS, value: 10n,
    data: '0x' + 'dd'.repeat(47) + n.toString(16).padStart(2, '0') + pad32(n).slice(48) }))
  txs.push(sign({ type: 2, ...fee, gasLimit: 200_000n, to: CONSOLIDATIONS, value: 10n,
    data: '0x' + 'ee'.repeat(48) + 'ff'.repeat(47) + n.toString(16).padStart(2, '0') }))
  // at most 6 blobs per transaction (EIP-7594) and 6 per block in Cancun
  let blobs = Math.min(BLOB_COUNTS[(n - 1) % BLOB_COUNTS.length], prague ? 9 : 6)
  for (let first = 0; blobs > 0; first += 6) {
    const count = Math.min(blobs, 6)
    blobs -= count
    txs.push(sign({ type: 3, ...fee, gasLimit: 21_000n, to: RECIPIENT, maxFeePerBlobGas: 1_000_000_000n,
      blobVersionedHashes: Array.from({ length: count }, (_, i) => '0x01' + (n * 16 + first + i).toString(16).padStart(62, '0')) }))
  }
  if (prague) {
    const auth = eoaCode7702SignAuthorization({ chainId: hex(CHAIN_ID), address: STORE, nonce: hex(authNonce) }, AUTH_KEY)
    txs.push(sign({ type: 4, ...fee, gasLimit: 100_000n, to: createAddressFromPrivateKey(AUTH_KEY).toString(),
      data: '0x' + pad32(n) + pad32(n), authorizationList: [auth] }))
  }
  // a contract creation whose initcode returns one byte of code
  txs.push(sign({ type: 2, ...fee, gasLimit: 100_000n, data: '0x600160005360016000f3' }))
  return { txs, nonce, authorized: prague }
}

// A common whose forks up to `first` are active from genesis and `second` (if any) from `at`.
function scheduleCommon(first, second, at) {
  const order = Mainnet.hardforks.map((h) => h.name)
  const last = order.indexOf(second ?? first)
  const hardforks = Mainnet.hardforks.slice(0, last + 1).map((h, i) => {
    if (h.name === second) return { name: h.name, block: null, timestamp: at }
    return h.timestamp === undefined && h.block !== null ? { name: h.name, block: 0 } : { name: h.name, block: null, timestamp: 0 }
  })
  // Blob transactions here carry versioned hashes only (their block form), so no KZG work is
  // done; ethereumjs still wants a KZG object to exist before it builds one.
  const noKzg = () => { throw new Error('KZG is not used by these fixtures') }
  const kzg = { loadTrustedSetup: noKzg, blobToKzgCommitment: noKzg, computeBlobProof: noKzg,
    verifyProof: noKzg, verifyBlobProofBatch: noKzg, computeCellsAndProofs: noKzg, verifyCellKzgProofBatch: noKzg }
  const common = createCustomCommon({ hardforks }, Mainnet, { hardfork: first, customCrypto: { kzg } })
  // ethereumjs reads EIP-7918's constant from the builder's common, which does not carry the
  // block package's parameters: give it the EIP's value (2^13).
  common.updateParams({ 4844: { blobBaseCost: 8192 } })
  return common
}

// A chain of `count` blocks on network `name`: `first` from genesis, `second` from timestamp `at`.
async function chain(name, first, second, at, genesisTime, count) {
  const common = scheduleCommon(first, second, at)
  common.setHardforkBy({ blockNumber: 0n, timestamp: genesisTime })
  const vm = await createVM({ common })
  const pre = preAlloc()
  await loadPre(vm, pre)
  const genesis = createBlock({
    header: {
      number: 0n, gasLimit: GAS_LIMIT, timestamp: genesisTime, baseFeePerGas: 1_000_000_000n,
      stateRoot: await vm.stateManager.getStateRoot(), excessBlobGas: 0n, blobGasUsed: 0n,
      parentBeaconBlockRoot: new Uint8Array(32),
      ...(first === Hardfork.Cancun ? {} : { requestsHash: sha256(new Uint8Array(0)) }),
      coinbase: COINBASE,
    },
  }, { common })
  const blocks = []
  let parent = genesis
  let nonce = 0
  let authNonce = 0
  for (let n = 1; n <= count; n++) {
    const timestamp = parent.header.timestamp + 12n
    common.setHardforkBy({ blockNumber: BigInt(n), timestamp })
    const builder = await buildBlock(vm, {
      parentBlock: parent,
      headerData: {
        timestamp, coinbase: COINBASE, gasLimit: GAS_LIMIT,
        parentBeaconBlockRoot: hexToBytes('0x' + pad32(0xbeac0 + n)), prevRandao: hexToBytes('0x' + pad32(n)),
      },
      withdrawals: [
        { index: BigInt(n * 2), validatorIndex: 5n, address: RECIPIENT, amount: 1_000_000_000n * BigInt(n) },
        { index: BigInt(n * 2 + 1), validatorIndex: 6n, address: '0x00000000000000000000000000000000000de1e7', amount: 0n },
      ],
      blockOpts: { putBlockIntoBlockchain: false },
    })
    const built = transactions(common, common.hardfork(), n, nonce, authNonce)
    nonce = built.nonce
    if (built.authorized) authNonce++
    for (const tx of built.txs) {
      await builder.addTransaction(tx, { allowNoBlobs: true })
    }
    const { block } = await builder.build()
    blocks.push({ rlp: bytesToHex(block.serialize()) })
    parent = block
  }
  const schedule = { target: '0x06', max: '0x09', baseFeeUpdateFraction: '0x4c6964' }
  return {
    [`${name}_ethereumjs_chain`]: {
      network: name,
      config: { network: name, chainid: hex(CHAIN_ID), blobSchedule: { Cancun: { target: '0x03', max: '0x06', baseFeeUpdateFraction: '0x32f0ed' }, Prague: schedule, Osaka: schedule } },
      pre,
      genesisRLP: bytesToHex(genesis.serialize()),
      blocks,
      lastblockhash: bytesToHex(parent.hash()),
      postStateHash: bytesToHex(parent.header.stateRoot),
      sealEngine: 'NoProof',
      _info: { comment: `${count} blocks built by @ethereumjs/vm` },
    },
  }
}

mkdirSync(OUT, { recursive: true })
const CHAINS = [
  ['Prague', Hardfork.Prague, undefined, undefined, 0n],
  ['Osaka', Hardfork.Osaka, undefined, undefined, 0n],
  ['CancunToPragueAtTime15k', Hardfork.Cancun, Hardfork.Prague, 15000, 14964n],
  ['PragueToOsakaAtTime15k', Hardfork.Prague, Hardfork.Osaka, 15000, 14964n],
]
for (const [name, first, second, at, genesisTime] of CHAINS) {
  const fixture = await chain(name, first, second, at, genesisTime, 7)
  const file = join(OUT, `${name.toLowerCase()}_chain.json`)
  writeFileSync(file, JSON.stringify(fixture, null, 1))
  console.log(`wrote ${file}`)
}
