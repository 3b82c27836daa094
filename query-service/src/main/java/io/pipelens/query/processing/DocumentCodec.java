package io.pipelens.query.processing;

import org.bson.Document;

/**
 * Turns one read-model type into its MongoDB document and back, by hand. The replay writes every deal's read model, and
 * Spring Data's reflective mapping (with its per-document application events) costs more per document than the
 * projection's own work; a codec must write exactly what that mapping writes, since queries still read through it.
 *
 * @param <T> the read-model type
 */
public interface DocumentCodec<T> {

    String id(T value);

    Document encode(T value);

    T decode(Document document);
}
