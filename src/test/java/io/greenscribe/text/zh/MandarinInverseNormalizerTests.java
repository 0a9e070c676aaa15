package io.greenscribe.text.zh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class MandarinInverseNormalizerTests {

    private final MandarinInverseNormalizer normalizer = new MandarinInverseNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/text/itn-zh.csv", delimiter = '|')
    void writesNumeralsAsDigitsWhereWrittenChineseDoes(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(spoken)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/text/itn-zh.csv", delimiter = '|')
    void leavesEachWrittenFormAsItIs(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(written)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "我们一起去吧", "一样的东西", "等一下", "买一些水果", "万一下雨呢", "他一直在等", "统一思想", "这是唯一的办法", "他十分高兴", "第一次见面", "我有一个问题",
                "有一点累", "千万不要忘记", "三四个人", "十几个人", "几十个人", "三心二意", "十全十美", "十万火急", "一五一十", "三点建议", "一块蛋糕", "两岸关系", "一年",
                "一日三餐", "一千零一夜",
            })
    void leavesLexicalNumeralsAlone(String prose) {
        // when / then
        assertThat(normalizer.normalize(prose)).isEqualTo(prose);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024年3月5日", "3个人花了350元", "增长了3.5%", "", "Hello 123"})
    void leavesDigitsUnchanged(String written) {
        // when / then
        assertThat(normalizer.normalize(written)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"二零二四年三月五日下午三点半，三个人花了两块五", "百分之三点五的一千二百万人第一次来"})
    void isIdempotent(String spoken) {
        // given
        String once = normalizer.normalize(spoken);

        // when / then
        assertThat(normalizer.normalize(once)).isEqualTo(once).isNotEqualTo(spoken);
    }
}
