package com.tchavi.jobs;

/**
 * Which jobs {@link Jobs#list(JobListRequest)} returns: a status to filter by, the page size and
 * where the page starts. Create with {@link #builder()}; fields left unset are not sent, so the
 * server's defaults apply (all statuses, 20 jobs, from the most recent). Immutable and
 * thread-safe.
 *
 * @param status only jobs with this status, or null for all
 * @param limit the page size, 1 to 50, or null for the server's default of 20
 * @param offset how many jobs to skip, 0 or more, or null for 0
 */
public record JobListRequest(JobStatus status, Integer limit, Integer offset) {
  /** The server's defaults: all statuses, the 20 most recent jobs. */
  public static final JobListRequest DEFAULT = new JobListRequest(null, null, null);

  /**
   * Checks the documented ranges.
   *
   * @param status only jobs with this status, or null for all; not {@link JobStatus#UNKNOWN}
   * @param limit the page size, 1 to 50, or null for the server's default of 20
   * @param offset how many jobs to skip, 0 or more, or null for 0
   * @throws IllegalArgumentException if {@code limit} is not 1 to 50, {@code offset} is negative,
   *     or {@code status} is {@link JobStatus#UNKNOWN}
   */
  public JobListRequest {
    if (limit != null && (limit < 1 || limit > 50)) {
      throw new IllegalArgumentException("limit must be 1 to 50: " + limit);
    }
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more: " + offset);
    }
    if (status == JobStatus.UNKNOWN) {
      throw new IllegalArgumentException("status UNKNOWN cannot be listed: name a real status");
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this request's values} */
  public Builder toBuilder() {
    return new Builder().status(status).limit(limit).offset(offset);
  }

  /** Builds a {@link JobListRequest}. A setter given null unsets its field. Not thread-safe. */
  public static final class Builder {
    private JobStatus status;
    private Integer limit;
    private Integer offset;

    private Builder() {
    }

    /**
     * Lists only jobs with {@code status}; unset by default, which lists all statuses.
     *
     * @param status the status, not {@link JobStatus#UNKNOWN}; or null to unset it
     * @return this builder
     */
    public Builder status(JobStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the page size, 1 to 50; the server's default is 20.
     *
     * @param limit the most jobs in one page, or null to unset it
     * @return this builder
     */
    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets how many jobs to skip, counted from the most recent, 0 or more; the default is 0.
     *
     * @param offset the jobs to skip, or null to unset it
     * @return this builder
     */
    public Builder offset(Integer offset) {
      this.offset = offset;
      return this;
    }

    /**
     * Returns the request.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if {@code limit} is not 1 to 50, {@code offset} is
     *     negative, or {@code status} is {@link JobStatus#UNKNOWN}
     */
    public JobListRequest build() {
      return new JobListRequest(status, limit, offset);
    }
  }
}
