package io.greenscribe.text.zh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MandarinInverseNormalizerTests {

    private final MandarinInverseNormalizer normalizer = new MandarinInverseNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            二零二四年三月五日           | 2024年3月5日
            二〇二四年一月一日           | 2024年1月1日
            三月十五号                   | 3月15号
            九九年                       | 99年
            三百五十元                   | 350元
            两块五                       | 2.5元
            三块五毛二                   | 3.52元
            三元五角                     | 3.5元
            一元                         | 1元
            两千三百块钱                 | 2300块钱
            百分之五十                   | 50%
            百分之三点五                 | 3.5%
            百分之百                     | 100%
            三个人                       | 3个人
            两个小时                     | 2个小时
            十分钟                       | 10分钟
            一千二百万                   | 12000000
            两万三千                     | 23000
            三万五                       | 35000
            一百零五                     | 105
            一亿两千万                   | 120000000
            三点一四                     | 3.14
            零点五                       | 0.5
            一点五公里                   | 1.5公里
            三点十五分                   | 3:15
            三点零五分                   | 3:05
            下午三点半                   | 下午3:30
            下午三点开会                 | 下午3点开会
            第二十一届                   | 第21届
            他今年二十五岁了。           | 他今年25岁了。
            他说了三遍                   | 他说了3遍
            会议于二零二四年三月五日，在北京举行。 | 会议于2024年3月5日，在北京举行。
            """)
    void writesNumeralsAsDigitsWhereWrittenChineseDoes(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(spoken)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "我们一起去吧", "一样的东西", "等一下", "买一些水果", "万一下雨呢", "他一直在等", "统一思想", "这是唯一的办法",
        "他十分高兴", "第一次见面", "我有一个问题", "有一点累", "千万不要忘记", "三四个人", "十几个人", "几十个人",
        "三心二意", "十全十美", "十万火急", "一五一十", "三点建议", "一块蛋糕", "两岸关系", "一年", "一日三餐", "一千零一夜",
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
