package io.memsafe.census.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Totals for one language: files, code, comment and blank lines. */
@JsonPropertyOrder({"files", "code", "comment", "blank"})
public final class LanguageCount {
    public long files;
    public long code;
    public long comment;
    public long blank;

    public LanguageCount() {
    }

    public LanguageCount(long files, long code, long comment, long blank) {
        this.files = files;
        this.code = code;
        this.comment = comment;
        this.blank = blank;
    }

    public void add(long files, long code, long comment, long blank) {
        this.files += files;
        this.code += code;
        this.comment += comment;
        this.blank += blank;
    }

    public void add(LanguageCount o) {
        add(o.files, o.code, o.comment, o.blank);
    }
}
