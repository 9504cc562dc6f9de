// Differential cases for the EIP-2537 precompiles: random inputs run through @ethereumjs/evm 10.1.3
// (Prague; its BLS12-381 backend is @noble/curves), recording output (null = call failed) and gas.
// Regenerate: copy this file into difftest/ (after `npm ci` there) and run
//   node generate.mjs ROUNDS MAP_ROUNDS OUTPUT.json      (the committed file used 16 150)
import { createEVM } from '@ethereumjs/evm'
import { Common, Mainnet, Hardfork } from '@ethereumjs/common'
import { Address, bytesToHex, hexToBytes } from '@ethereumjs/util'
import { bls12_381 as bls } from '@noble/curves/bls12-381.js'
import { randomBytes } from 'crypto'
import { writeFileSync } from 'fs'

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague })
const evm = await createEVM({ common })
const Fp = bls.fields.Fp, Fp2 = bls.fields.Fp2
const P = Fp.ORDER
const R = bls.fields.Fr.ORDER
const hex = (n, bytes) => n.toString(16).padStart(bytes * 2, '0')
const rnd = (bits) => BigInt('0x' + randomBytes(Math.ceil(bits / 8)).toString('hex'))
const fp = (n) => hex(n, 64)
const g1enc = (pt) => { if (pt.equals(bls.G1.Point.ZERO)) return '0'.repeat(256); const a = pt.toAffine(); return fp(a.x) + fp(a.y) }
const g2enc = (pt) => { if (pt.equals(bls.G2.Point.ZERO)) return '0'.repeat(512); const a = pt.toAffine(); return fp(a.x.c0) + fp(a.x.c1) + fp(a.y.c0) + fp(a.y.c1) }
const G1 = bls.G1.Point.BASE, G2 = bls.G2.Point.BASE
const g1rand = () => G1.multiply(rnd(250) % (R - 1n) + 1n)
const g2rand = () => G2.multiply(rnd(250) % (R - 1n) + 1n)
function g1OffSubgroup() { for (;;) { const x = rnd(384) % P; const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 4n); try { const y = Fp.sqrt(rhs); if (Fp.eql(Fp.sqr(y), rhs)) return fp(x) + fp(y) } catch (e) {} } }
function g2OffSubgroup() { for (;;) { const x = Fp2.create({ c0: rnd(384) % P, c1: rnd(384) % P }); const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), Fp2.create({ c0: 4n, c1: 4n })); try { const y = Fp2.sqrt(rhs); if (Fp2.eql(Fp2.sqr(y), rhs)) return fp(x.c0) + fp(x.c1) + fp(y.c0) + fp(y.c1) } catch (e) {} } }
const scalar = () => { const c = Math.random(); if (c < 0.1) return hex(0n, 32); if (c < 0.2) return 'ff'.repeat(32); if (c < 0.3) return hex(R + rnd(8), 32); return hex(rnd(256), 32) }

const cases = []
async function run(addr, inputHex) {
  const res = await evm.runCall({ to: new Address(hexToBytes('0x' + addr.toString(16).padStart(40, '0'))), data: hexToBytes('0x' + inputHex), gasLimit: 30_000_000n, skipBalance: true })
  const ok = res.execResult.exceptionError === undefined
  cases.push({ address: addr, input: inputHex, output: ok ? bytesToHex(res.execResult.returnValue).slice(2) : null, gas: ok ? Number(res.execResult.executionGasUsed) : null })
}
const N = Number(process.argv[2])
for (let i = 0; i < N; i++) {
  // G1ADD: subgroup, off-subgroup, infinity, equal, negated points
  const a = g1rand(), b = Math.random() < 0.2 ? a : Math.random() < 0.2 ? a.negate() : g1rand()
  await run(0x0b, g1enc(a) + g1enc(b))
  await run(0x0b, g1OffSubgroup() + (Math.random() < 0.5 ? g1OffSubgroup() : g1enc(a)))
  const c = g2rand(), d = Math.random() < 0.2 ? c : g2rand()
  await run(0x0d, g2enc(c) + g2enc(d))
  await run(0x0d, g2OffSubgroup() + g2OffSubgroup())
  // MSM
  const k = [1, 2, 3, 15, 16, 17, 33, 64][i % 8]
  let in1 = '', in2 = ''
  for (let j = 0; j < k; j++) { in1 += (Math.random() < 0.05 ? '0'.repeat(256) : g1enc(g1rand())) + scalar() }
  await run(0x0c, in1)
  await run(0x0c, in1 + g1OffSubgroup() + scalar())
  for (let j = 0; j < Math.min(k, 20); j++) { in2 += (Math.random() < 0.05 ? '0'.repeat(512) : g2enc(g2rand())) + scalar() }
  await run(0x0e, in2)
  await run(0x0e, g2OffSubgroup() + scalar())
  // pairing: e(aP, bQ) e(-abP, Q) = 1, or broken
  const s1 = rnd(200) + 1n, s2 = rnd(200) + 1n
  const ok = Math.random() < 0.6
  const p1 = G1.multiply(s1), q1 = G2.multiply(s2), p2 = G1.multiply((s1 * s2 + (ok ? 0n : 1n)) % R).negate()
  await run(0x0f, g1enc(p1) + g2enc(q1) + g1enc(p2) + g2enc(G2) + (Math.random() < 0.3 ? '0'.repeat(256) + g2enc(g2rand()) : ''))
  // maps
  const u = [0n, 1n, P - 1n, rnd(384) % P, rnd(384) % P][i % 5]
  await run(0x10, fp(u))
  await run(0x11, fp(rnd(384) % P) + fp(i % 3 === 0 ? 0n : rnd(384) % P))
}
const MAP_ROUNDS = Number(process.argv[3])
const small = (i) => BigInt(i)

for (let i = 0; i < MAP_ROUNDS; i++) {
  const u = i < 50 ? small(i) : i < 100 ? P - small(i - 49) : rnd(384) % P
  await run(0x10, fp(u))
  const c0 = i % 4 === 0 ? 0n : i < 100 ? small(i) : rnd(384) % P
  const c1 = i % 4 === 1 ? 0n : i < 100 ? P - small(i + 1) : rnd(384) % P
  await run(0x11, fp(c0) + fp(c1))
}
writeFileSync(process.argv[4], JSON.stringify(cases))
console.log('cases', cases.length, 'failures', cases.filter(c => c.output === null).length)
