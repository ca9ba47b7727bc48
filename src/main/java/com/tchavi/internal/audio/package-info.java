/**
 * Private support classes of the audio feature: speech and transcriptions on the executor,
 * blocking and async, and the multipart body of a transcription. Not exported; anything here may
 * change in any release.
 */
package com.tchavi.internal.audio;
