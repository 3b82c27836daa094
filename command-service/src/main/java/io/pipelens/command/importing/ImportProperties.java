package io.pipelens.command.importing;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and throughput of the deal-log import, {@code POST /api/import} (docs/import.md). Not public: the importer's
 * entry point is {@link DealImporter}.
 *
 * @param maxBytes   largest import file, counted after decompression: a larger body is refused by its Content-Length
 *                   before it is read, and a compressed one once it inflates beyond this
 * @param maxRows    most rows one import file may have
 * @param threads    threads that record the batches of one import in parallel
 * @param batchDeals deals recorded per unit of work (one database transaction)
 */
@ConfigurationProperties("pipelens.import")
record ImportProperties(@DefaultValue("50MB") DataSize maxBytes, @DefaultValue("1000000") int maxRows,
                               @DefaultValue("2") int threads, @DefaultValue("100") int batchDeals) {

    ImportProperties {
        Require.that(maxBytes.toBytes() > 0, "pipelens.import.max-bytes", "a positive size, such as 50MB", maxBytes);
        Require.atLeast(1, maxRows, "pipelens.import.max-rows");
        Require.atLeast(1, threads, "pipelens.import.threads");
        Require.atLeast(1, batchDeals, "pipelens.import.batch-deals");
    }

    ImportLimits limits() {
        return new ImportLimits(maxBytes.toBytes(), maxRows);
    }
}
