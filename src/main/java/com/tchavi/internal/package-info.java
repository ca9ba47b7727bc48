/**
 * Private support classes of the Tchavi SDK, none of them exported; anything here may change in
 * any release. Shared machinery that knows no feature lives in {@code http} (the executor,
 * retries, error mapping), {@code json} and {@code sse} (the event-stream reader); each feature's
 * machinery has a package of its own, like {@code chat}.
 */
package com.tchavi.internal;
