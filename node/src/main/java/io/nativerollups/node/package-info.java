/** The devnet execution node around the {@code evm} library: chain storage, pool, producer, CLI. */
package io.nativerollups.node;
