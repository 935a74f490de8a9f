package dev.estiba.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs blob transfers several at a time; the first failure cancels the rest and is thrown. */
final class BlobTransfers {
    /** One transfer. */
    @FunctionalInterface
    interface Transfer<T> {
        T run() throws IOException;
    }

    private BlobTransfers() {
    }

    static <T> List<T> runAll(int parallel, List<Transfer<T>> transfers) throws IOException {
        if (transfers.size() <= 1 || parallel <= 1) {
            List<T> results = new ArrayList<>();
            for (Transfer<T> t : transfers) {
                results.add(t.run());
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, transfers.size()), r -> {
            Thread t = new Thread(r, "estiba-blob");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Transfer<T> t : transfers) {
                futures.add(pool.submit(t::run));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(cause);
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
