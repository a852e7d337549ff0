package com.partnerportal.platform;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one transaction read once and may read again unchanged: the codes of the catalogues, the
 * consent rules, the checks switched off per market. An import stores a hundred leads in one
 * transaction; each of them would read the same rows again. Nothing outlives the transaction, so
 * another node's change is seen by the next one.
 */
@TransactionScoped
public class TransactionMemo implements Serializable {

    private final Map<Object, Object> values = new HashMap<>();

    /** The value kept under {@code key} in this transaction, loaded the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        Object value = values.get(key);
        if (value == null && !values.containsKey(key)) {
            value = load.get();
            values.put(key, value);
        }
        return (T) value;
    }

    /** Keeps {@code value} under {@code key} for the rest of the transaction. */
    public void put(Object key, Object value) {
        values.put(key, value);
    }

    /** What is kept under {@code key}, null when nothing is. */
    @SuppressWarnings("unchecked")
    public <T> T find(Object key) {
        return (T) values.get(key);
    }
}
