/**
 * Private support classes: the one HTTP executor every endpoint goes through, with its retries,
 * error mapping and JSON bodies. Knows no feature. Not exported; anything here may change in any
 * release.
 */
package com.tchavi.internal.http;
