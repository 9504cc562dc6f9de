package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multi-scalar multiplication by Pippenger's bucket method with signed window digits, over G1 or G2
 * through {@link Bls12Group}. Below {@value #PIPPENGER_THRESHOLD} points, blst's own (GLV)
 * multiplication of each point is faster, and is used instead.
 *
 * <p>Each window of c scalar bits becomes a digit in [-2^(c-1), 2^(c-1)], so a window needs only
 * 2^(c-1) buckets, a negative digit adding the negated point. Per window the points are added into
 * their digit's bucket, the buckets are summed weighted by their digit with two running sums, and
 * the windows are combined by c doublings each.
 */
final class PippengerMsm {

  private static final int SCALAR_BITS = 8 * Bls12Encoding.SCALAR_LENGTH;

  /** Measured crossover (G1 and G2 alike) where the bucket method overtakes k multiplications. */
  static final int PIPPENGER_THRESHOLD = 16;

  private PippengerMsm() {}

  /**
   * The sum of {@code scalars[i] * points[i]}: points must be in the subgroup (or infinity);
   * scalars are 32-byte big-endian values of any size.
   */
  static <P, A> P sum(Bls12Group<P, A> group, List<A> points, List<byte[]> scalars) {
    if (points.size() < PIPPENGER_THRESHOLD) {
      return sumOfProducts(group, points, scalars);
    }
    int windowBits = windowBits(points.size());
    int windows = (SCALAR_BITS + windowBits) / windowBits; // room for the last digit's carry
    int[][] digits = new int[points.size()][];
    List<A> negatedPoints = new ArrayList<>(Collections.nCopies(points.size(), null));
    for (int i = 0; i < points.size(); i++) {
      digits[i] = signedDigits(scalars.get(i), windowBits, windows);
      for (int digit : digits[i]) {
        if (digit < 0) {
          negatedPoints.set(i, group.negated(points.get(i)));
          break;
        }
      }
    }
    List<P> buckets = new ArrayList<>(Collections.nCopies(1 << (windowBits - 1), null));
    P result = null;
    for (int window = windows - 1; window >= 0; window--) {
      if (result != null) {
        for (int bit = 0; bit < windowBits; bit++) {
          group.doubled(result);
        }
      }
      Collections.fill(buckets, null);
      for (int i = 0; i < points.size(); i++) {
        int digit = digits[i][window];
        if (digit != 0) {
          A point = digit > 0 ? points.get(i) : negatedPoints.get(i);
          int bucket = Math.abs(digit) - 1;
          P current = buckets.get(bucket);
          buckets.set(
              bucket,
              current == null ? group.toProjective(point) : group.addAffine(current, point));
        }
      }
      // sum_d d * bucket[d] as the sum over d of the running sum of buckets d and above.
      P running = null;
      P windowSum = null;
      for (int bucket = buckets.size() - 1; bucket >= 0; bucket--) {
        P current = buckets.get(bucket);
        if (current != null) {
          running = running == null ? current : group.add(running, current);
        }
        if (running != null) {
          windowSum =
              windowSum == null
                  ? group.add(group.infinity(), running)
                  : group.add(windowSum, running);
        }
      }
      if (windowSum != null) {
        result = result == null ? windowSum : group.add(result, windowSum);
      }
    }
    return result == null ? group.infinity() : result;
  }

  /** The sum computed as one blst multiplication per point. */
  private static <P, A> P sumOfProducts(
      Bls12Group<P, A> group, List<A> points, List<byte[]> scalars) {
    P sum = group.infinity();
    for (int i = 0; i < points.size(); i++) {
      // Points have order q, so reducing changes nothing but lets blst take its GLV path.
      BigInteger scalar = new BigInteger(1, scalars.get(i)).mod(Bls12Parameters.GROUP_ORDER);
      group.add(sum, group.multiply(points.get(i), scalar));
    }
    return sum;
  }

  /** Window sizes measured fastest through JNI (G1 and G2) for each input size. */
  private static int windowBits(int pointCount) {
    return pointCount < 32 ? 3 : pointCount < 64 ? 4 : pointCount < 192 ? 5 : 6;
  }

  /**
   * The scalar's digits d_w, least significant window first, with scalar = sum d_w 2^(c w) and each
   * d_w in [-2^(c-1), 2^(c-1)].
   */
  private static int[] signedDigits(byte[] scalar, int windowBits, int windows) {
    int[] digits = new int[windows];
    int carry = 0;
    for (int window = 0; window < windows; window++) {
      int value = carry;
      for (int bit = 0; bit < windowBits; bit++) {
        int index = window * windowBits + bit;
        if (index < SCALAR_BITS && isBitSet(scalar, index)) {
          value += 1 << bit;
        }
      }
      carry = value > 1 << (windowBits - 1) ? 1 : 0;
      digits[window] = value - (carry << windowBits);
    }
    return digits;
  }

  private static boolean isBitSet(byte[] bigEndian, int index) {
    return (bigEndian[bigEndian.length - 1 - index / 8] >> (index % 8) & 1) != 0;
  }
}
