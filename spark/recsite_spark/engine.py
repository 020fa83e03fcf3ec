"""r(u,i), item norms, exact cosine similarity and popularity on Spark
(docs/spec.md "Interaction score", "Item similarity", "Popularity").

Every floating-point sum runs in recsite's canonical order (docs/rules.md,
"Summation order"), so the job's numbers are recsite's bits, not merely
close to them: r(u,i) adds its terms in ascending value; a norm, a dot
product and a popularity add over users in ID order. Spark's own `sum` adds
in whatever order the partitions arrive; here the terms of one sum are
collected, sorted (`array_sort`) and folded (`aggregate`) from 0.

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


def ordered_sum(struct_column):
    """Σ of `.v` over an array of (order key, v) structs, in key order, from +0."""
    return F.aggregate(F.array_sort(struct_column), F.lit(0.0), lambda total, x: total + x["v"])


def interactions(events, users, items, weights):
    """(uidx, iidx, r, events, last_epoch) for every (user, item) with an event.

    A term is watch_seconds × weight; r adds the terms in ascending order."""
    weight_of = F.create_map(*[value for name, weight in sorted(weights.items())
                               for value in (F.lit(name), F.lit(float(weight)))])
    terms = (events.join(users.select("user_id", "uidx"), "user_id")
             .join(items.select("item_id", "iidx"), "item_id")
             .withColumn("term", F.col("watch_seconds") * weight_of[F.col("event_type")]))
    return (terms.groupBy("uidx", "iidx")
            .agg(F.aggregate(F.array_sort(F.collect_list("term")), F.lit(0.0), lambda total, x: total + x).alias("r"),
                 F.count(F.lit(1)).alias("events"), F.max("epoch").alias("last_epoch")))


def item_columns(r):
    """(iidx, norm, popularity, viewers): ‖R[:,i]‖, Σ_u r(u,i) over users in
    ID order, and the users with i in their history (r = 0 included)."""
    entries = F.collect_list(F.struct(F.col("uidx"), (F.col("r") * F.col("r")).alias("v")))
    scores = F.collect_list(F.struct(F.col("uidx"), F.col("r").alias("v")))
    return (r.groupBy("iidx")
            .agg(F.sqrt(ordered_sum(entries)).alias("norm"), ordered_sum(scores).alias("popularity"),
                 F.count(F.lit(1)).alias("viewers")))


def similarities(r, columns, partitions=None):
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
                .select(F.col("a.iidx").alias("i"), F.col("b.iidx").alias("j"),
                        F.struct(F.col("a.uidx").alias("uidx"), (F.col("a.r") * F.col("b.r")).alias("v")).alias("p")))
    dots = products.groupBy("i", "j").agg(ordered_sum(F.collect_list("p")).alias("dot"))
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
