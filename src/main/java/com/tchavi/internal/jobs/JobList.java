package com.tchavi.internal.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.jobs.Job;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code GET /jobs}: {@code data}, and whichever paging hints the server adds. The
 * docs show none; Tchavi's Node SDK types a {@code hasMore} and a {@code total}.
 */
record JobList(
    List<Job> data,
    @JsonProperty("has_more") Boolean hasMore,
    @JsonProperty("hasMore") Boolean hasMoreCamel,
    Long total) {

  JobList {
    data = data == null ? List.of() : data.stream().filter(Objects::nonNull).toList();
  }

  /** Returns the server's has-more flag in either spelling, or null when it sent neither. */
  Boolean moreFlag() {
    return hasMore != null ? hasMore : hasMoreCamel;
  }
}
