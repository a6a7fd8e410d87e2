from tooling.quotes import FoldedText, first_difference, fold


def test_whitespace_is_folded_and_spans_map_back():
    text = "One  two\nthree four."
    ft = FoldedText.of(text)
    spans = ft.find("two three")
    assert spans == [(5, 14)]
    assert text[5:14] == "two\nthree"


def test_typographic_quotes_count_as_written():
    ft = FoldedText.of("He said “quickly restore order” today.")
    assert ft.find("“quickly restore order”")
    assert not ft.find('"quickly restore order"')


def test_closest_passage_and_first_difference():
    ft = FoldedText.of("An artillery strike killed four people near the dormitories. Other words follow here.")
    quote = "An artillery strike killed five people"
    closest = ft.closest(quote)
    assert closest.startswith("An artillery strike killed four")
    assert first_difference(quote, closest) == len("An artillery strike killed f")
    assert fold("  a \n b ") == "a b"


def test_inferred_dates_read_as_day_month_year_or_range():
    from tooling.records import InferredDate

    # As readers write dates: no ISO string reaches a page.
    assert InferredDate("2024-11-29", "2024-11-29", "").display() == "Friday 29 November 2024"
    assert InferredDate("2016-01-01", "2016-12-31", "").display() == "2016"
    assert InferredDate("2020-03-01", "2020-03-31", "").display() == "March 2020"
    # 2024 is a leap year: 1-28 February is not the whole month.
    assert InferredDate("2024-02-01", "2024-02-28", "").display() == "Thursday 1 to Wednesday 28 February 2024"
    assert InferredDate("2024-11-27", "2024-11-29", "").display() == "Wednesday 27 to Friday 29 November 2024"
    assert InferredDate("2024-11-30", "2024-12-02", "").display() == "Saturday 30 November to Monday 2 December 2024"
    assert (
        InferredDate("2024-12-31", "2025-01-01", "").display() == "Tuesday 31 December 2024 to Wednesday 1 January 2025"
    )


def test_figure_display():
    from tooling.records import Figure

    f = dict(measure="m", unit="people", scope="s", as_of=None)
    assert Figure(qualifier="at-least", value=15, **f).display() == "at least 15 people"
    assert Figure(qualifier="more-than", value=14000, **f).display() == "more than 14,000 people"
    assert Figure(qualifier="exact", min=4, max=6, **f).display() == "4–6 people"
    assert Figure(qualifier="unquantified", amount_text="millions", **f).display() == "millions of people"
    assert Figure(qualifier="unquantified", amount_text="several", **f).display() == "several people"
