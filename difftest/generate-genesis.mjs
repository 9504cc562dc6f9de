// Differential check of genesis handling against an independent client.
//
// For the shipped genesis/l1-dev.json and a few geth-format genesis files made here (Cancun at 0,
// Prague with Osaka later, Osaka with blob-parameter-only forks, an alloc with code, storage and
// nonces in the spellings geth accepts, a genesis in a later fork than its first, header fields
// other than the defaults), @ethereumjs/common reads the file as geth does
// (createCommonFromGethGenesis, parseGethGenesisState) and @ethereumjs/blockchain builds the genesis
// block over the genesis state. Each case is written as one JSON file: the genesis itself (or the
// repository path it was read from) and the block hash and state root ethereumjs computed.
// DifferentialGenesisTest (node/) checks that our node opens each one at the same hash and root.
//
// usage: node generate-genesis.mjs [--out DIR]   (default out: difftest/generated-genesis)

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCommonFromGethGenesis, parseGethGenesisState } from '@ethereumjs/common'
import { createBlockchain } from '@ethereumjs/blockchain'
import { bytesToHex } from '@ethereumjs/util'
import { here, arg, SENDER, COINBASE, HISTORY } from './common.mjs'

const OUT = arg('--out', join(here, 'generated-genesis'))

const BLOBS = {
  cancun: { target: 3, max: 6, baseFeeUpdateFraction: 3338477 },
  prague: { target: 6, max: 9, baseFeeUpdateFraction: 5007716 },
  osaka: { target: 6, max: 9, baseFeeUpdateFraction: 5007716 },
  bpo1: { target: 10, max: 15, baseFeeUpdateFraction: 8346193 },
  bpo2: { target: 14, max: 21, baseFeeUpdateFraction: 11684671 },
}

/** A geth-format genesis: every block fork and Shanghai at 0, then `forks` (name to time); `top` overrides header fields. */
function gethGenesis(forks, top = {}, alloc = { [SENDER]: { balance: '0x3635c9adc5dea00000' } }) {
  const config = {
    chainId: 1337,
    homesteadBlock: 0, eip150Block: 0, eip155Block: 0, eip158Block: 0, byzantiumBlock: 0,
    constantinopleBlock: 0, petersburgBlock: 0, istanbulBlock: 0, berlinBlock: 0, londonBlock: 0,
    mergeNetsplitBlock: 0, terminalTotalDifficulty: 0, terminalTotalDifficultyPassed: true,
    shanghaiTime: 0,
    blobSchedule: {},
  }
  for (const [fork, time] of Object.entries(forks)) {
    config[fork + 'Time'] = time
    config.blobSchedule[fork] = BLOBS[fork]
  }
  return { config, nonce: '0x0', timestamp: '0x0', extraData: '0x', gasLimit: '0x1c9c380', difficulty: '0x0',
    mixHash: '0x' + '00'.repeat(32), coinbase: '0x' + '00'.repeat(20), alloc, ...top }
}

const CODE_AND_STORAGE = {
  // a contract with code, slots in short, full and unprefixed spellings and a zero one, a nonce; addresses without 0x and in upper case
  '000000000000000000000000000000000000c0de': {
    balance: '0',
    nonce: '0x1',
    code: '0x600160005401600055',
    storage: {
      '0x0000000000000000000000000000000000000000000000000000000000000000': '0x2a',
      '0x01': '0x00000000000000000000000000000000000000000000000000000000000000ff',
      '0x02': '0x00',
      '03': '0304',
      '0xff00000000000000000000000000000000000000000000000000000000000000': '0x0100',
    },
  },
  '0x00000000000000000000000000000000000ABCDE': { balance: '1000000000000000000', code: '0x00' },
  [HISTORY]: { balance: '0x0', nonce: '0x1', code: '0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500' },
  [SENDER]: { balance: '0xffffffffffffffffffffffffffffffff', nonce: '7' },
}

/** name -> genesis object, or { source } for a file of the repository (read relative to the checkout). */
const CASES = {
  'l1-dev': { source: 'genesis/l1-dev.json' },
  'cancun-at-0': gethGenesis({ cancun: 0 }, {
    timestamp: '0x10', extraData: '0x6e61746976652d726f6c6c757073', gasLimit: '0x2faf080',
    coinbase: COINBASE, mixHash: '0x' + '5a'.repeat(32), baseFeePerGas: '0x7', excessBlobGas: '0x60000',
  }),
  'prague-then-osaka': gethGenesis({ cancun: 0, prague: 0, osaka: 1000 }),
  'prague-genesis-after-its-fork-time': gethGenesis({ cancun: 0, prague: 500, osaka: 2000 }, { timestamp: '0x5dc' }),
  'osaka-with-bpo-forks': gethGenesis({ cancun: 0, prague: 0, osaka: 0, bpo1: 1000, bpo2: 2000 }),
  'osaka-genesis-in-bpo1': gethGenesis({ cancun: 0, prague: 0, osaka: 0, bpo1: 0, bpo2: 2000 }),
  'alloc-with-code-and-storage': gethGenesis({ cancun: 0, prague: 0, osaka: 0 }, {}, CODE_AND_STORAGE),
  'nonce-and-difficulty-set': gethGenesis({ cancun: 0, prague: 0, osaka: 0 }, { nonce: '0x1234', difficulty: '0x1' }),
}

/**
 * The alloc's storage as geth reads it: keys and values are 32-byte words, a shorter spelling
 * left-padded, and a zero value is no slot at all (a storage trie holds only non-zero values).
 * ethereumjs's genesisMPTStateRoot hashes a key as spelled and stores RLP("") for a zero value, so
 * it is handed the storage in geth's meaning.
 */
function storageAsGethReadsIt(genesis) {
  const word = (hex) => '0x' + hex.replace(/^0x/, '').padStart(64, '0')
  const alloc = {}
  for (const [address, account] of Object.entries(genesis.alloc ?? {})) {
    alloc[address] = { ...account }
    if (account.storage !== undefined) {
      alloc[address].storage = Object.fromEntries(Object.entries(account.storage)
        .filter(([, value]) => BigInt(value) !== 0n)
        .map(([key, value]) => [word(key), word(value)]))
    }
  }
  return { ...genesis, alloc }
}

async function expected(genesis) {
  const common = createCommonFromGethGenesis(genesis, { chain: 'difftest' })
  const genesisState = parseGethGenesisState(storageAsGethReadsIt(genesis))
  const blockchain = await createBlockchain({ common, genesisState })
  const header = blockchain.genesisBlock.header
  return { hardfork: blockchain.genesisBlock.common.hardfork(), hash: bytesToHex(header.hash()), stateRoot: bytesToHex(header.stateRoot) }
}

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
for (const [name, c] of Object.entries(CASES)) {
  const genesis = c.source !== undefined ? JSON.parse(readFileSync(join(here, '..', c.source), 'utf8')) : c
  const out = { name, ...(c.source !== undefined ? { source: c.source } : { genesis }), expected: await expected(genesis) }
  writeFileSync(join(OUT, name + '.json'), JSON.stringify(out, null, 1))
  console.log(`${name}: ${out.expected.hardfork} genesis ${out.expected.hash}`)
}
console.log(`wrote ${Object.keys(CASES).length} genesis cases to ${OUT}`)
