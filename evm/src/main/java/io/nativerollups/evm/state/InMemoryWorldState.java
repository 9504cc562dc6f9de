package io.nativerollups.evm.state;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.trie.MissingTrieNodeException;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link WorldState} held in memory, with an undo journal and an incrementally maintained state
 * trie.
 *
 * <p>Every change appends an undo action to the journal; a snapshot is a journal length and
 * reverting runs the undo actions back to it. Between {@link #beginTransaction} and {@link
 * #commitTransaction} every setter also counts as an EIP-161 touch of the account it changes (as
 * any state change does on mainnet clients), so an account left empty by a transaction is deleted.
 * Setters used outside a transaction (loading a genesis or a test's pre-state) touch nothing, so
 * empty accounts in a pre-state survive the following {@code commitTransaction()}.
 *
 * <p>The state root is computed from the accounts changed since the previous root only; each
 * account keeps its own storage trie (see {@link AccountStorage}).
 *
 * <p>A state opened with {@link #InMemoryWorldState(NodeStore, NodeStore, byte[])} is backed by trie
 * nodes (a full node store, or the partial one of an execution witness): each account, storage slot
 * and code is loaded on first access, so the store sees exactly what execution reads, and the root
 * is computed by updating the tries opened at the pre-state root. A missing trie node throws
 * {@link MissingTrieNodeException}, a missing code {@link MissingCodeException}, a malformed trie
 * node, account or slot value {@link RlpException}.
 */
public final class InMemoryWorldState implements WorldState {
  private static final byte[] ABSENT_CODE_HASH = new byte[32];

  /** A storage slot of an account, as a key of the access set, transient storage and originals. */
  private record SlotKey(Address address, UInt256 key) {}

  /** One journal entry: restores what a change overwrote. */
  @FunctionalInterface
  private interface Undo {
    void undo();
  }

  /** Loaded or changed accounts; a null value is an account known to be absent. */
  private final Map<Address, Account> accounts = new HashMap<>();
  /** Where absent keys of {@link #accounts} are loaded from; null for a state held wholly in memory. */
  private final NodeStore trieNodes;
  private final NodeStore codes;
  private final List<Undo> journal = new ArrayList<>();

  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> selfDestructed = new LinkedHashSet<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Map<SlotKey, UInt256> originalStorage = new HashMap<>();
  private boolean inTransaction;

  /** Accounts changed since the last {@link #rootHash()}; a superset is harmless. */
  private final Set<Address> dirtyAccounts = new HashSet<>();
  private final MerklePatriciaTrie accountTrie;

  /** An empty state. */
  public InMemoryWorldState() {
    trieNodes = null;
    codes = null;
    accountTrie = new MerklePatriciaTrie();
  }

  /**
   * The state with root {@code stateRoot}, loaded on demand.
   *
   * @param trieNodes the account and storage trie nodes, keyed by their keccak256
   * @param codes contract codes keyed by their keccak256 (the same keyed-by-hash contract as trie nodes)
   */
  public InMemoryWorldState(NodeStore trieNodes, NodeStore codes, byte[] stateRoot) {
    this.trieNodes = trieNodes;
    this.codes = codes;
    accountTrie = new MerklePatriciaTrie(trieNodes, stateRoot);
  }

  @Override
  public boolean exists(Address address) {
    return account(address) != null;
  }

  @Override
  public boolean isEmpty(Address address) {
    Account a = account(address);
    return a != null && a.isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    Account a = account(address);
    return a == null ? 0 : a.nonce;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Account a = modify(address);
    long previous = a.nonce;
    a.nonce = nonce;
    record(address, () -> a.nonce = previous);
  }

  @Override
  public UInt256 getBalance(Address address) {
    Account a = account(address);
    return a == null ? UInt256.ZERO : a.balance;
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Account a = modify(address);
    UInt256 previous = a.balance;
    a.balance = balance;
    record(address, () -> a.balance = previous);
  }

  @Override
  public byte[] getCode(Address address) {
    Account a = account(address);
    return a == null ? Account.NO_CODE : code(a);
  }

  @Override
  public byte[] getCodeHash(Address address) {
    Account a = account(address);
    return a == null ? ABSENT_CODE_HASH : a.codeHash;
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Account a = modify(address);
    byte[] previousCode = a.code;
    byte[] previousHash = a.codeHash;
    a.code = code.length == 0 ? Account.NO_CODE : code.clone();
    a.codeHash = code.length == 0 ? Keccak256.EMPTY : Keccak256.hash(code);
    record(address, () -> {
      a.code = previousCode;
      a.codeHash = previousHash;
    });
  }

  @Override
  public boolean hasStorage(Address address) {
    Account a = account(address);
    return a != null && !a.storage.isEmpty();
  }

  @Override
  public void createAccount(Address address) {
    Account a = modify(address);
    long previousNonce = a.nonce;
    byte[] previousCode = a.code;
    byte[] previousHash = a.codeHash;
    AccountStorage previousStorage = a.storage;
    a.nonce = 0;
    a.code = Account.NO_CODE;
    a.codeHash = Keccak256.EMPTY;
    a.storage = new AccountStorage();
    record(address, () -> {
      a.nonce = previousNonce;
      a.code = previousCode;
      a.codeHash = previousHash;
      a.storage = previousStorage;
    });
  }

  @Override
  public void deleteAccount(Address address) {
    Account removed = account(address);
    if (removed != null) {
      accounts.put(address, null);
      record(address, () -> accounts.put(address, removed));
    }
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    Account a = account(address);
    return a == null ? UInt256.ZERO : a.storage.get(key);
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    UInt256 original = originalStorage.get(new SlotKey(address, key));
    return original != null ? original : getStorage(address, key);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    // The first write of a slot in a transaction fixes its original value; undoing that write
    // restores exactly that value, so the record needs no journal entry.
    originalStorage.putIfAbsent(new SlotKey(address, key), getStorage(address, key));
    Account a = modify(address);
    AccountStorage storage = a.storage;
    UInt256 previous = storage.put(key, value);
    record(address, () -> storage.put(key, previous));
  }

  @Override
  public UInt256 getTransientStorage(Address address, UInt256 key) {
    return transientStorage.getOrDefault(new SlotKey(address, key), UInt256.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    SlotKey slot = new SlotKey(address, key);
    UInt256 previous = value.isZero() ? transientStorage.remove(slot) : transientStorage.put(slot, value);
    journal.add(() -> {
      if (previous == null) {
        transientStorage.remove(slot);
      } else {
        transientStorage.put(slot, previous);
      }
    });
  }

  @Override
  public boolean warmAddress(Address address) {
    return !addJournaled(warmAddresses, address);
  }

  @Override
  public boolean warmStorage(Address address, UInt256 key) {
    return !addJournaled(warmSlots, new SlotKey(address, key));
  }

  @Override
  public void touch(Address address) {
    addJournaled(touched, address);
  }

  @Override
  public void markCreated(Address address) {
    addJournaled(created, address);
  }

  @Override
  public boolean wasCreatedInTransaction(Address address) {
    return created.contains(address);
  }

  @Override
  public void markSelfDestructed(Address address) {
    addJournaled(selfDestructed, address);
  }

  @Override
  public Set<Address> selfDestructed() {
    return Collections.unmodifiableSet(selfDestructed);
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    if (snapshot < 0 || snapshot > journal.size()) {
      throw new IllegalArgumentException(
          "snapshot " + snapshot + " is not in the journal (size " + journal.size() + ")");
    }
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).undo();
    }
  }

  @Override
  public void beginTransaction() {
    clearTransactionScope();
    inTransaction = true;
  }

  @Override
  public void commitTransaction() {
    for (Address address : selfDestructed) {
      deleteAccount(address);
    }
    for (Address address : touched) {
      if (isEmpty(address)) {
        deleteAccount(address);
      }
    }
    clearTransactionScope();
    inTransaction = false;
  }

  @Override
  public byte[] rootHash() {
    updateAccountTrie();
    return accountTrie.rootHash();
  }

  /**
   * Writes the current state (trie nodes held in memory, and codes) into {@code trieNodes} and
   * {@code codes}, so that a state opened on them at {@link #rootHash()} reads the same; nodes and
   * codes of a backed state that were never loaded are left to the store it was opened on.
   */
  public void commit(NodeStore trieNodes, NodeStore codes) {
    updateAccountTrie();
    accountTrie.commit(trieNodes);
    for (Account a : accounts.values()) {
      if (a != null) {
        a.storage.commit(trieNodes);
        if (a.code != null && a.code.length > 0) {
          codes.put(a.codeHash, a.code);
        }
      }
    }
  }

  private void updateAccountTrie() {
    for (Address address : dirtyAccounts) {
      byte[] key = Keccak256.hash(address.toArray());
      Account a = account(address);
      if (a == null) {
        accountTrie.remove(key);
      } else {
        accountTrie.put(key, Rlp.encodeList(
            Rlp.encodeLong(a.nonce),
            Rlp.encodeUInt256(a.balance),
            Rlp.encodeBytes(a.storage.rootHash()),
            Rlp.encodeBytes(a.codeHash)));
      }
    }
    dirtyAccounts.clear();
  }

  /** The account, loaded from the backing trie on first access; null if absent. */
  private Account account(Address address) {
    Account a = accounts.get(address);
    if (a != null || trieNodes == null || accounts.containsKey(address)) {
      return a;
    }
    byte[] encoded = accountTrie.get(Keccak256.hash(address.toArray()));
    if (encoded != null) {
      List<RlpItem> fields = Rlp.decode(encoded).items();
      if (fields.size() != 4) {
        throw new RlpException("account of " + address + " has " + fields.size() + " fields, not 4");
      }
      a = new Account();
      a.nonce = fields.get(0).asLong();
      a.balance = fields.get(1).asUInt256();
      a.storage = new AccountStorage(trieNodes, fields.get(2).asBytes32());
      a.codeHash = fields.get(3).asBytes32();
      a.code = Arrays.equals(a.codeHash, Keccak256.EMPTY) ? Account.NO_CODE : null;
    }
    accounts.put(address, a);
    return a;
  }

  /** The account's code, loaded from the code store on first use. */
  private byte[] code(Account a) {
    if (a.code == null) {
      byte[] code = codes.get(a.codeHash);
      if (code == null) {
        throw new MissingCodeException(a.codeHash);
      }
      a.code = code;
    }
    return a.code;
  }

  private void clearTransactionScope() {
    journal.clear();
    warmAddresses.clear();
    warmSlots.clear();
    touched.clear();
    created.clear();
    selfDestructed.clear();
    transientStorage.clear();
    originalStorage.clear();
  }

  /** The account about to change, created if absent; inside a transaction the change is a touch. */
  private Account modify(Address address) {
    if (inTransaction) {
      touch(address);
    }
    Account a = account(address);
    if (a == null) {
      Account fresh = new Account();
      accounts.put(address, fresh);
      record(address, () -> accounts.put(address, null));
      return fresh;
    }
    return a;
  }

  /** Journals an account change; the account is re-hashed at the next root, changed or undone. */
  private void record(Address address, Undo undo) {
    dirtyAccounts.add(address);
    journal.add(() -> {
      undo.undo();
      dirtyAccounts.add(address);
    });
  }

  private <T> boolean addJournaled(Set<T> set, T element) {
    if (!set.add(element)) {
      return false;
    }
    journal.add(() -> set.remove(element));
    return true;
  }
}
