from hqd.extraction import extract_text
from hqd.extraction.sections import headings

REPORT = ("Report on the Work of the Jinshan District Government\n\nI. Review of Our Work in 2023\n\n"
          "The district's GDP grew by 5.1%. It built 300 homes.\n\nII. Main Targets for 2024\n\n"
          "Gross domestic product growth of about 5.5%. 15,000 new jobs.\n\nIII. Major Tasks\n\nSix parks, 1,200 homes.")


def test_headings_are_lines_standing_alone_after_the_title():
    assert [line for _, line in headings(REPORT)] == ["I. Review of Our Work in 2023", "II. Main Targets for 2024", "III. Major Tasks"]
    assert headings("Title\n\nA sentence that ends. And another one.\n\nMore text here, in a paragraph.") == []


def test_figures_under_a_plans_heading_are_goals_and_a_reviews_are_not():
    doc = extract_text(REPORT)
    kinds = {q.text: (q.kind, q.period) for q in doc.quantities}
    assert kinds["5.1%"] == ("change", "2023") and kinds["300"][0] == "level"
    assert kinds["5.5%"] == ("target", "2024") and kinds["15,000"] == ("target", "2024")
    assert kinds["1,200"] == ("target", "2024")  # "Major Tasks" naming no year: the year the work report plans
    assert [t.deadline for t in doc.targets] == ["2024", "2024", "2024"]


def test_a_plans_heading_for_a_time_already_past_states_no_goals():
    doc = extract_text("Jinshan review\n\nMain Targets for 2022\n\nGross domestic product growth of about 5.5%.", briefing_date="2024-03-01")
    assert doc.quantities[0].kind == "change"
    # nor does a heading in a text that is no work report, naming no time
    doc = extract_text("Jinshan review\n\nKey Tasks\n\nGross domestic product grew 5.5%.", briefing_date="2024-03-01")
    assert doc.quantities[0].kind == "change"


def test_a_milestone_after_a_goal_of_the_sentence_before_keeps_its_own_deadline():
    doc = extract_text("Report on the Work of the Government of Pudong New Area\n\nII. Main Targets for 2023\n\nPudong will raise output to 1.5 trillion yuan in the next five years. "
                       "This year, we will start construction of the Science Hall extension and help 20 firms list.")
    assert [(t.text[:35], t.deadline) for t in doc.targets] == [
        ("1.5 trillion yuan", "2028"), ("This year, we will start constructi", "2023"), ("20", "2023")]
