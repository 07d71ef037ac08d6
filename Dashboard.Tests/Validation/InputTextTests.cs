using Dashboard.Core.Validation;

namespace Dashboard.Tests.Validation;

/// <summary>What pasted text carries and nobody typed is not kept; what the user sees is.</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("\u202E王芳", "王芳")]                // a bidi override shows the name backwards
    [InlineData("王\u200B芳\uFEFF", "王芳")]          // zero-width space and byte-order mark from a web page
    [InlineData("王\u0000芳", "王 芳")]               // a control character is a gap, not a hidden byte
    [InlineData("  王芳\r\n", "王芳")]                // a spreadsheet cell's line break
    [InlineData("买买提\u3000艾力", "买买提 艾力")]     // an ideographic space is one space
    [InlineData("李\u2066明\u2069", "李明")]          // bidi isolates
    [InlineData("𠀀华", "𠀀华")]                       // a whole pair (a rare character in a name) stays
    public void A_line_keeps_what_is_seen(string typed, string kept) => Assert.Equal(kept, InputText.Line(typed));

    [Fact]
    public void Half_of_a_surrogate_pair_is_no_character_and_is_dropped()
    {
        Assert.Equal("张三", InputText.Line("张" + '\uD800' + "三"));
        Assert.Equal("张三", InputText.Code("张" + '\uDC00' + "三"));
    }

    [Fact]
    public void Notes_keep_their_line_breaks_and_lose_the_rest()
    {
        Assert.Equal("第一行\n第二行", InputText.Lines("第一行 \r\n\u202E第二行\u0007"));
    }

    [Fact]
    public void Full_width_punctuation_in_chinese_text_is_left_alone()
    {
        Assert.Equal("转诊（上级医院），已盖章！", InputText.Lines("转诊（上级医院），已盖章！"));
    }

    [Theory]
    [InlineData("１３９１２３４５６７８", "13912345678")]        // full-width digits from a Chinese input method
    [InlineData("３４０１０４ｘ", "340104x")]
    [InlineData("１３９\u200B１２３４５６７８", "13912345678")]
    public void A_code_is_folded_to_ascii_by_compatibility(string typed, string kept) => Assert.Equal(kept, InputText.Code(typed));

    [Fact]
    public void Digits_of_other_scripts_are_not_folded_so_the_format_check_refuses_them()
    {
        var arabicIndic = "١٣٩١٢٣٤٥٦٧٨";

        Assert.Equal(arabicIndic, InputText.Code(arabicIndic));
        Assert.False(ContactRules.IsPhone(arabicIndic));
        Assert.False(ContactRules.IsPhone("139١٢٣٤٥٦٧٨"));
        Assert.True(ContactRules.IsPhone(InputText.Code("１３９１２３４５６７８")));
    }
}
