/**
 * Private support classes of the jobs feature: the endpoints on the executor, blocking and async,
 * the pages of the list, and the one polling loop that every feature starting a job waits with.
 * Not exported; anything here may change in any release.
 */
package com.tchavi.internal.jobs;
