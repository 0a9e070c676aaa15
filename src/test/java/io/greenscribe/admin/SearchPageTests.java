package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPageTests {

    @Test
    void excerptsKeepTheirMatchMarksButNothingElseOfTheSpeechIsMarkup() {
        // given an excerpt whose transcript text contains markup, with PostgreSQL's match marks
        String excerpt = "say <script>alert(1)</script> and <b>modern</b> & more";

        // when it is prepared for the page
        String html = SearchPage.highlighted(excerpt);

        // then the marks survive and the speech is text
        assertThat(html).isEqualTo("say &lt;script&gt;alert(1)&lt;/script&gt; and <b>modern</b> &amp; more");
    }
}
