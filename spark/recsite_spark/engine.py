"""r(u,i), item norms, exact cosine similarity and popularity on Spark
(docs/spec.md "Interaction score", "Item similarity", "Popularity").

Every floating-point sum runs in recsite's canonical order (docs/rules.md,
"Summation order"), so the job's numbers are recsite's bits, not merely
close to them: r(u,i) adds its terms in ascending value; a norm, a dot
product and a popularity add over users in ID order. Spark's own `sum` adds
in whatever order the partitions arrive; here the terms of one sum are
collected, sorted (`array_sort`) and folded (`aggregate`) from 0.

`canonical=False` (the job's `--sums fast`) uses Spark's `sum` instead,
which adds within each partition first and so shuffles one partial sum per
key and partition instead of every term; its numbers then differ from
recsite's in the last bits, within the spec's tolerance (docs/scale.md).

Users and items are numbered in ID order (`uidx`, `iidx`), so "ID order" is
integer order from here on.
"""
from pyspark.sql import functions as F

from .idorder import id_order_columns


def numbered(frame, id_column, index_column):
    """`frame` with `index_column` = the row's position in ID order, from 0."""
    ordered = frame.orderBy(*id_order_columns(id_column))
    return (ordered.rdd.zipWithIndex()
            .map(lambda pair: (*pair[0], pair[1]))
            .toDF(frame.columns + [index_column]))


def ordered_sum(key, value, canonical):
    """Σ value over a group: in ascending `key` order from +0 when
    `canonical` (key None: ascending value), else Spark's own `sum`."""
    if not canonical:
        return F.sum(value)
    if key is None:
        return F.aggregate(F.array_sort(F.collect_list(value)), F.lit(0.0), lambda total, x: total + x)
    terms = F.array_sort(F.collect_list(F.struct(key.alias("k"), value.alias("v"))))
    return F.aggregate(terms, F.lit(0.0), lambda total, x: total + x["v"])


def interactions(events, users, items, weights, canonical=True):
    """(uidx, iidx, r, events, last_epoch) for every (user, item) with an event.

    A term is watch_seconds × weight; r adds the terms in ascending order."""
    weight_of = F.create_map(*[value for name, weight in sorted(weights.items())
                               for value in (F.lit(name), F.lit(float(weight)))])
    terms = (events.join(users.select("user_id", "uidx"), "user_id")
             .join(items.select("item_id", "iidx"), "item_id")
             .withColumn("term", F.col("watch_seconds") * weight_of[F.col("event_type")]))
    return (terms.groupBy("uidx", "iidx")
            .agg(ordered_sum(None, F.col("term"), canonical).alias("r"),
                 F.count(F.lit(1)).alias("events"), F.max("epoch").alias("last_epoch")))


def item_columns(r, canonical=True):
    """(iidx, norm, popularity, viewers): ‖R[:,i]‖, Σ_u r(u,i) over users in
    ID order, and the users with i in their history (r = 0 included)."""
    user = F.col("uidx")
    return (r.groupBy("iidx")
            .agg(F.sqrt(ordered_sum(user, F.col("r") * F.col("r"), canonical)).alias("norm"),
                 ordered_sum(user, F.col("r"), canonical).alias("popularity"),
                 F.count(F.lit(1)).alias("viewers")))


def similarities(r, columns, partitions=None, canonical=True):
    """(i, j, sim) for i < j with sim(i,j) > 0: the sparse co-occurrence
    self-join of R on users (no dense matrix), each dot product added over
    users in ID order, divided by norm(i) × norm(j) as recsite does.

    Zero scores add nothing to a dot product and are left out of the join;
    the output holds each unordered pair once."""
    positive = r.where("r > 0").select("uidx", "iidx", "r")
    if partitions:
        positive = positive.repartition(partitions, "uidx")
    left, right = positive.alias("a"), positive.alias("b")
    products = (left.join(right, (F.col("a.uidx") == F.col("b.uidx")) & (F.col("a.iidx") < F.col("b.iidx")))
                .select(F.col("a.iidx").alias("i"), F.col("b.iidx").alias("j"), F.col("a.uidx").alias("uidx"),
                        (F.col("a.r") * F.col("b.r")).alias("product")))
    dots = products.groupBy("i", "j").agg(ordered_sum(F.col("uidx"), F.col("product"), canonical).alias("dot"))
    norms = columns.select("iidx", "norm")
    with_norms = (dots.join(norms.withColumnRenamed("iidx", "i").withColumnRenamed("norm", "ni"), "i")
                  .join(norms.withColumnRenamed("iidx", "j").withColumnRenamed("norm", "nj"), "j"))
    return (with_norms.select("i", "j", (F.col("dot") / (F.col("ni") * F.col("nj"))).alias("sim"))
            .where("sim > 0"))


def popularity_ranking(items, columns):
    """Item indices by popularity, then viewers, both descending, then ID
    order; unwatched items last. Returns a list of (iidx, popularity, viewers)."""
    ranked = (items.select("iidx").join(columns, "iidx", "left")
              .fillna({"popularity": 0.0, "viewers": 0})
              .orderBy(F.col("popularity").desc(), F.col("viewers").desc(), F.col("iidx")))
    return [(row["iidx"], row["popularity"], row["viewers"]) for row in ranked.collect()]
