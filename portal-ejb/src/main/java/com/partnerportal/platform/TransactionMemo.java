package com.partnerportal.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one transaction read once and may read again unchanged: the codes of the catalogues, the
 * consent rules, the checks switched off per market. An import stores a hundred leads in one
 * transaction; each of them would read the same rows again. Nothing outlives the transaction, so
 * another node's change is seen by the next one. Kept as a resource of the transaction in its
 * synchronization registry: a map lookup per call (a {@code @TransactionScoped} bean resolved its
 * context on every call, an eighth of an import's CPU). Without a transaction nothing is kept.
 */
@ApplicationScoped
public class TransactionMemo {

    private static final Object KEY = TransactionMemo.class;

    @Resource
    private TransactionSynchronizationRegistry registry;

    /** The value kept under {@code key} in this transaction, loaded the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        Map<Object, Object> values = values();
        if (values == null) {
            return load.get();
        }
        Object value = values.get(key);
        if (value == null && !values.containsKey(key)) {
            value = load.get();
            values.put(key, value);
        }
        return (T) value;
    }

    /** Keeps {@code value} under {@code key} for the rest of the transaction. */
    public void put(Object key, Object value) {
        Map<Object, Object> values = values();
        if (values != null) {
            values.put(key, value);
        }
    }

    /** What is kept under {@code key}, null when nothing is. */
    @SuppressWarnings("unchecked")
    public <T> T find(Object key) {
        Map<Object, Object> values = values();
        return values == null ? null : (T) values.get(key);
    }

    /** This transaction's values, null outside one. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> values() {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        Map<Object, Object> values = (Map<Object, Object>) registry.getResource(KEY);
        if (values == null) {
            values = new HashMap<>();
            registry.putResource(KEY, values);
        }
        return values;
    }
}
