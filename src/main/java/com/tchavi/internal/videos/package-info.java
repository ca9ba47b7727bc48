/**
 * Private support classes of the video feature: the endpoint on the executor, blocking and async,
 * and the documented rules of a request. Waiting for a video is the jobs feature's poller. Not
 * exported; anything here may change in any release.
 */
package com.tchavi.internal.videos;
