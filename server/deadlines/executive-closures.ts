import { fromYmd, parseIsoDate, type DayNumber } from "./civil-date";

/**
 * Days the President closed the executive departments by executive order.
 *
 * FRCP 6(a)(6)(B) makes "any day declared a holiday by the President" a legal holiday. Whether a
 * closure order "declares a holiday" is not settled: the Ninth Circuit treated the 2018-12-05
 * closure as a legal holiday for filing deadlines, but these orders close agencies rather than
 * create § 6103 holidays. So they are data, switched by the caller's `eoClosures` option, and the
 * calculator shows the date under the other reading too. They cannot be computed: add a row when
 * a new order is signed.
 *
 * Researched in ../shared/research/legal-rules.md § 1.4.
 */
export type ExecutiveClosure = {
  date: string;
  occasion: string;
  /** Where the closure is reported (legal-rules.md § 1.4 gives the same). */
  sources: readonly string[];
};

/** One pair of reports covers the three Christmas Eve closures of 2018–2020. */
const CHRISTMAS_EVE_2018_2020 = [
  "https://rss.newsmax.com/amp/politics/holidays-joe-biden-christmas-eve/2024/12/19/id/1192302",
  "https://theepochtimes.com/president-trump-makes-christmas-eve-a-federal-holiday-except-for-certain-employees_3617589.html",
];

export const EXECUTIVE_CLOSURES: readonly ExecutiveClosure[] = [
  {
    date: "2018-12-05",
    occasion: "National Day of Mourning for President George H.W. Bush",
    sources: ["https://socal-appellate.blogspot.com/2018/12/9th-circuit-to-remain-open-dec-5.html"],
  },
  {
    date: "2018-12-24",
    occasion: "Christmas Eve closure of executive departments",
    sources: CHRISTMAS_EVE_2018_2020,
  },
  {
    date: "2019-12-24",
    occasion: "Christmas Eve closure of executive departments",
    sources: CHRISTMAS_EVE_2018_2020,
  },
  {
    date: "2020-12-24",
    occasion: "Christmas Eve closure of executive departments",
    sources: CHRISTMAS_EVE_2018_2020,
  },
  {
    date: "2024-12-24",
    occasion: "Christmas Eve closure of executive departments",
    sources: ["https://federal-newsgroup.blogspot.com/2024/12/biden-gives-most-federal-employees-day.html"],
  },
  {
    date: "2025-01-09",
    occasion: "National Day of Mourning for President Jimmy Carter",
    sources: [
      "https://federalnewsnetwork.com/management/2024/12/biden-to-close-federal-agencies-on-jan-9-to-honor-carters-legacy/",
      "https://scvnews.com/jan-9-no-mail-delivery-on-national-day-of-mourning/",
    ],
  },
  {
    date: "2025-12-24",
    occasion: "Closure of executive departments (order signed Dec. 18, 2025)",
    sources: ["https://www.lcwlegal.com/news/executive-order-on-the-closure-of-executive-departments-and-agencies-on-december-24-and-26"],
  },
  {
    date: "2025-12-26",
    occasion: "Closure of executive departments (order signed Dec. 18, 2025)",
    sources: ["https://www.lcwlegal.com/news/executive-order-on-the-closure-of-executive-departments-and-agencies-on-december-24-and-26"],
  },
];

/**
 * The table was researched from 2018 on; earlier closures (there were some) are missing, so a
 * period ending before this day is computed without them and the result says so.
 */
export const EXECUTIVE_CLOSURES_RECORDED_FROM: DayNumber = fromYmd(2018, 1, 1);

const byDay = new Map<DayNumber, ExecutiveClosure>(EXECUTIVE_CLOSURES.map((closure) => [parseIsoDate(closure.date)!, closure]));

export function executiveClosureOn(day: DayNumber): ExecutiveClosure | undefined {
  return byDay.get(day);
}
